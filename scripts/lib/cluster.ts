// The several-servers topology on one machine: PostgreSQL primary + synchronous standby, PgBouncer, N workerd, nginx.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDb, createPool } from '../../functions/db/connect.ts';
import type { Database } from '../../functions/db/database.ts';
import { migrateToLatest } from '../../functions/db/migrator.ts';
import { freePort } from './embedded-postgres.ts';
import { type NginxFront, startNginxUpstream } from './nginx-upstream.ts';
import { asServerUser, PG15_BIN, type PgNode, type PgPair, startPgPair } from './pg-pair.ts';
import { type PgBouncer, startPgBouncer } from './pgbouncer.ts';
import { startWorkerd, type WorkerdProcess } from './workerd.ts';

export interface ClusterOptions {
  /** Scratch folder for the servers' data, removed by stop(). */
  dir: string;
  /** workerd processes, each on its own port behind nginx. */
  processes: number;
  /** Environment for every workerd process (DATABASE_URL and the ports are set here). */
  env: Record<string, string>;
  /** nginx's port (default: a free one). */
  port?: number;
  /** Connections per workerd process (its DB_POOL_MAX): small, PgBouncer multiplexes them. */
  poolPerProcess?: number;
  /** Runs after migrations, on a direct connection to the primary (demo data, test fixtures). */
  seed?: (db: import('kysely').Kysely<Database>) => Promise<void>;
  onOutput?: (line: string) => void;
}

export interface Cluster {
  /** nginx: where browsers and tests go. */
  url: string;
  pg: PgPair;
  /** The server PgBouncer currently points at. */
  primary(): PgNode;
  bouncer: PgBouncer;
  workers: WorkerdProcess[];
  nginx: NginxFront;
  /** Starts a fresh process on worker `index`'s port (after it was killed), with the same environment. */
  replaceWorker(index: number): Promise<WorkerdProcess>;
  /** deploy/pg-switchover.sh from the current primary to the standby; resolves with its output. */
  switchover(): Promise<string>;
  stop(): Promise<void>;
}

export const CLUSTER_DATABASE = 'beratungsraum';

function shellCommand(tool: string, args: string[]): string {
  const [cmd, a] = asServerUser(join(PG15_BIN, tool), args);
  return [cmd, ...a].map((p) => `'${p.replaceAll("'", "'\\''")}'`).join(' ');
}

/** Runs deploy/pg-switchover.sh as an operator would, with local commands for stop and promote. */
function runSwitchover(bouncer: PgBouncer, from: PgNode, to: PgNode): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn('bash', [resolve('deploy/pg-switchover.sh')], {
      env: {
        ...process.env,
        PGBOUNCER_ADMIN: bouncer.adminUrl,
        PGBOUNCER_DATABASES: bouncer.databasesIni,
        NEW_PRIMARY_HOST: '127.0.0.1',
        NEW_PRIMARY_PORT: String(to.port),
        STOP_OLD_PRIMARY: shellCommand('pg_ctl', ['-D', from.dataDir, 'stop', '-m', 'fast', '-w']),
        PROMOTE_NEW_PRIMARY: shellCommand('pg_ctl', ['-D', to.dataDir, 'promote', '-w', '-t', '30']),
        DATABASE: CLUSTER_DATABASE,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('exit', (code) =>
      code === 0 ? done(out) : fail(new Error(`pg-switchover.sh exited ${code}:\n${out}`)),
    );
  });
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  // Stopped in reverse: the scratch folder goes last, after every server has exited.
  const stoppers: (() => Promise<void>)[] = [
    async () => rmSync(options.dir, { recursive: true, force: true }),
  ];
  const stop = async () => {
    for (const s of stoppers.reverse()) await s().catch(() => {});
  };
  try {
    const pair = await startPgPair(join(options.dir, 'pg'), CLUSTER_DATABASE);
    stoppers.push(() => pair.stop());
    // Migrations and seeding take session state and long statements: straight to the primary.
    const db = createDb(createPool({ connectionString: pair.primary.url(CLUSTER_DATABASE), max: 2 }));
    try {
      await migrateToLatest(db);
      await options.seed?.(db);
    } finally {
      await db.destroy();
    }
    const bouncer = await startPgBouncer({
      dir: join(options.dir, 'pgbouncer'),
      database: CLUSTER_DATABASE,
      server: { host: '127.0.0.1', port: pair.primary.port },
    });
    stoppers.push(() => bouncer.stop());
    // Every process must open what another sealed (queued SMS, Idempotency-Key replays): one key for all.
    const linkKeys = options.env.LINK_ENCRYPTION_KEYS || `cluster:${randomBytes(32).toString('base64')}`;
    const workerAt = (port: number) =>
      startWorkerd({
        port,
        env: {
          ...options.env,
          LINK_ENCRYPTION_KEYS: linkKeys,
          PORT: String(port),
          DATABASE_URL: bouncer.url,
          DATABASE_LISTEN_URL: bouncer.listenUrl,
          DB_POOL_MAX: String(options.poolPerProcess ?? 8),
          WORKERD_OBJECTS: options.env.WORKERD_OBJECTS ?? '2',
        },
        ...(options.onOutput ? { onOutput: options.onOutput } : {}),
      });
    const workers: WorkerdProcess[] = [];
    for (let i = 0; i < options.processes; i++) workers.push(await workerAt(await freePort()));
    stoppers.push(async () => {
      await Promise.all(workers.map((w) => w.stop()));
    });
    const nginx = await startNginxUpstream(
      join(options.dir, 'nginx'),
      workers.map((w) => Number(new URL(w.url).port)),
      options.port,
    );
    stoppers.push(() => nginx.stop());
    let current = pair.primary;
    return {
      url: nginx.url,
      pg: pair,
      primary: () => current,
      bouncer,
      workers,
      nginx,
      async replaceWorker(index) {
        const old = workers[index];
        if (!old) throw new Error(`no worker ${index}`);
        await old.stop();
        const fresh = await workerAt(Number(new URL(old.url).port));
        workers[index] = fresh;
        return fresh;
      },
      async switchover() {
        const to = current === pair.primary ? pair.standby : pair.primary;
        const out = await runSwitchover(bouncer, current, to);
        current = to;
        return out;
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
