// Doctor checks of PostgreSQL: reachable with these credentials, every migration of this build applied, clock in step.
import { sql } from 'kysely';
import { createDb, createPool } from '../../functions/db/connect.ts';
import { MIGRATIONS } from '../../functions/db/migrations.gen.ts';
import { pendingMigrations, unknownMigrations } from '../../functions/db/migrator.ts';
import type { Config } from '../../functions/env.ts';
import { type Finding, fail, ok, skewFinding, warn } from './findings.ts';
import { reason } from './probes.ts';

const CHECK = 'database';

export async function checkDatabase(config: Config): Promise<Finding[]> {
  if (!config.DATABASE_URL) {
    return [
      warn(
        CHECK,
        'DATABASE_URL is not set: npm start runs an embedded PostgreSQL (development only)',
        'Set DATABASE_URL to PgBouncer or PostgreSQL on servers.',
      ),
    ];
  }
  const target = describe(config.DATABASE_URL);
  const pool = createPool({ connectionString: config.DATABASE_URL, max: 1, connectTimeoutMs: 3000 });
  const db = createDb(pool);
  try {
    const sent = Date.now();
    const info = await sql<{
      now: Date;
      version: number;
    }>`select now() as now, current_setting('server_version_num')::int as version`.execute(db);
    const received = Date.now();
    const row = info.rows[0] as { now: Date; version: number };
    const findings = [ok(CHECK, `reached ${target} (PostgreSQL ${Math.floor(row.version / 10000)})`)];
    if (row.version < 150000)
      findings.push(
        warn(CHECK, 'PostgreSQL older than 15 is not tested', 'Upgrade to PostgreSQL 15 or newer.'),
      );
    findings.push(await checkMigrations(db));
    findings.push(
      skewFinding('clock vs PostgreSQL', (new Date(row.now).getTime() - (sent + received) / 2) / 1000),
    );
    return findings;
  } catch (e) {
    return [connectionFailure(e, target)];
  } finally {
    await db.destroy().catch(() => {});
  }
}

async function checkMigrations(db: ReturnType<typeof createDb>): Promise<Finding> {
  const known = MIGRATIONS.map((m) => m.name);
  // Records still under their old block numbers count as their sequence names (db/migration-aliases.ts).
  const missing = await pendingMigrations(db);
  const unknown = await unknownMigrations(db);
  if (missing.length > 0) {
    return fail(
      'migrations',
      `${missing.length} of ${known.length} migrations not applied (first missing: ${missing[0]})`,
      'Run npm run migrate with this DATABASE_URL (the systemd unit does it on every start).',
    );
  }
  if (unknown.length > 0) {
    return warn(
      'migrations',
      `the database has ${unknown.length} migrations this release does not know (${unknown[0]}): is an older release running?`,
      'Deploy the release that matches the database.',
    );
  }
  return ok('migrations', `all ${known.length} migrations applied`);
}

function connectionFailure(e: unknown, target: string): Finding {
  const code = (e as { code?: string }).code;
  if (code === '28P01' || code === '28000') {
    return fail(
      CHECK,
      `PostgreSQL at ${target} refused the login (${reason(e)})`,
      'Check user and password in DATABASE_URL (and PgBouncer userlist.txt).',
    );
  }
  if (code === '3D000') {
    return fail(
      CHECK,
      `the database in DATABASE_URL does not exist on ${target}`,
      'Create it (createdb -O beratungsraum beratungsraum) or fix the name.',
    );
  }
  return fail(
    CHECK,
    `cannot reach PostgreSQL at ${target}: ${reason(e)}`,
    'Is PostgreSQL (and PgBouncer) running and listening there? Is the host/port in DATABASE_URL right?',
  );
}

/** host:port/database without the password. */
function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the DATABASE_URL server';
  }
}
