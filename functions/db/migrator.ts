// Applies the bundled SQL migrations in order with Kysely's Migrator (locks against parallel runs).
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
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

/** Runs every pending migration; throws with the failing migration's name. */
// biome-ignore lint/suspicious/noExplicitAny: any schema may be migrated
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new BundledSqlProvider(),
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: `${MIGRATION_TABLE}_lock`,
    // Feature migrations are numbered in blocks; a database that already has a later block applied
    // still takes an earlier-numbered new file instead of refusing to start.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The name of the newest migration this build knows. */
export function latestMigrationName(): string {
  return MIGRATIONS[MIGRATIONS.length - 1]?.name ?? '';
}

/**
 * The migrations this build knows that the database has not applied, in order. Every name is compared:
 * with blocks numbered per feature an earlier file can be missing while the newest one is there.
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any schema
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const result = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`
    .execute(db)
    .catch((e: unknown) => {
      if ((e as { code?: string }).code === '42P01') return { rows: [] };
      throw e;
    });
  const applied = new Set(result.rows.map((r) => r.name));
  return MIGRATIONS.map((m) => m.name).filter((name) => !applied.has(name));
}

/** True when the database has applied every migration this build knows. */
// biome-ignore lint/suspicious/noExplicitAny: works on any schema
export async function isMigrated(db: Kysely<any>): Promise<boolean> {
  return (await pendingMigrations(db)).length === 0;
}
