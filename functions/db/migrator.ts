// Applies the bundled SQL migrations strictly in order with Kysely's Migrator (locks against parallel runs).
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { currentMigrationName, LEGACY_MIGRATION_NAMES, LEGACY_MIGRATIONS } from './migration-aliases.ts';
import { MIGRATIONS } from './migrations.gen.ts';

class BundledSqlProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const m of MIGRATIONS) {
      out[m.name] = { up: async (db) => void (await sql.raw(m.sql).execute(db)) };
    }
    return out;
  }
}

export const MIGRATION_TABLE = 'schema_migrations';

// biome-ignore lint/suspicious/noExplicitAny: any schema may be migrated
type AnyDb = Kysely<any>;

/** The names recorded in the migrations table (none when it does not exist yet). */
async function recordedNames(db: AnyDb): Promise<string[]> {
  const result = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`
    .execute(db)
    .catch((e: unknown) => {
      if ((e as { code?: string }).code === '42P01') return { rows: [] };
      throw e;
    });
  return result.rows.map((r) => r.name);
}

/**
 * Once per database: records migrated under their old block numbers get their sequence names. Old-style
 * databases may have holes (a block applied before an earlier-numbered one landed); those are applied
 * first, in sequence order as the old migrator would have, so the renamed records are a prefix of the
 * sequence. The renamed records share the oldest timestamp, so Kysely's order check (timestamp, then
 * name) sees them in sequence order. One transaction under an advisory lock: parallel starts wait, and a
 * failure leaves the old names as they were.
 */
async function adoptSequenceNames(db: AnyDb): Promise<string[]> {
  if (!(await recordedNames(db)).some((n) => LEGACY_MIGRATION_NAMES.has(n))) return [];
  const sqlOf = new Map(MIGRATIONS.map((m) => [m.name, m.sql]));
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${MIGRATION_TABLE}))`.execute(trx);
    const recorded = new Set(await recordedNames(trx));
    const applied: string[] = [];
    if (![...recorded].some((n) => LEGACY_MIGRATION_NAMES.has(n))) return applied;
    for (const { legacy, current } of LEGACY_MIGRATIONS) {
      if (recorded.has(legacy) || recorded.has(current)) continue;
      const text = sqlOf.get(current);
      if (text === undefined) throw new Error(`migration ${current} is not bundled`);
      await sql.raw(text).execute(trx);
      await sql`insert into ${sql.table(MIGRATION_TABLE)} (name, timestamp)
        values (${current}, ${new Date().toISOString()})`.execute(trx);
      applied.push(current);
    }
    const pairs = LEGACY_MIGRATIONS.map((m) => sql`(${m.legacy}::text, ${m.current}::text)`);
    await sql`
      update ${sql.table(MIGRATION_TABLE)} as m
      set name = a.current, timestamp = (select min(timestamp) from ${sql.table(MIGRATION_TABLE)})
      from (values ${sql.join(pairs)}) as a(legacy, current)
      where m.name = a.legacy`.execute(trx);
    return applied;
  });
}

/** Runs every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: AnyDb): Promise<string[]> {
  const completed = await adoptSequenceNames(db);
  const migrator = new Migrator({
    db,
    provider: new BundledSqlProvider(),
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
    // Files are numbered in one sequence: a new one must sort after every applied one (a branch that
    // landed later renumbers its files), so every database applies them in the same order.
    allowUnorderedMigrations: false,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error });
  }
  return [...completed, ...(results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)];
}

/** The name of the newest migration this build knows. */
export function latestMigrationName(): string {
  return MIGRATIONS[MIGRATIONS.length - 1]?.name ?? '';
}

/**
 * The migrations this build knows that the database has not applied, in order. Every name is compared,
 * and records still under their old block numbers count as their sequence names.
 */
export async function pendingMigrations(db: AnyDb): Promise<string[]> {
  const applied = new Set((await recordedNames(db)).map(currentMigrationName));
  return MIGRATIONS.map((m) => m.name).filter((name) => !applied.has(name));
}

/** Applied migrations this build does not know (an older build's database is newer than this release). */
export async function unknownMigrations(db: AnyDb): Promise<string[]> {
  const known = new Set(MIGRATIONS.map((m) => m.name));
  return (await recordedNames(db)).map(currentMigrationName).filter((name) => !known.has(name));
}

/** True when the database has applied every migration this build knows. */
export async function isMigrated(db: AnyDb): Promise<boolean> {
  return (await pendingMigrations(db)).length === 0;
}
