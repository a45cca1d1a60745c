import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../functions/db/database.ts';
import { LEGACY_MIGRATIONS } from '../../functions/db/migration-aliases.ts';
import { MIGRATIONS } from '../../functions/db/migrations.gen.ts';
import { isMigrated, migrateToLatest, pendingMigrations } from '../../functions/db/migrator.ts';
import { LEGACY_BATCHES } from '../fixtures/legacy-migrations.ts';
import { createTestApp } from '../helpers/app.ts';
import { createEmptyDatabase, type TestDatabase } from '../helpers/database.ts';

let tdb: TestDatabase | undefined;

afterEach(async () => {
  await tdb?.close();
  tdb = undefined;
});

/** The SQL a block-numbered file held: the same text now lives under its sequence number. */
function legacySql(legacyName: string): string {
  const slug = legacyName.replace(/^\d{4}_/, '');
  const found = MIGRATIONS.filter((m) => m.name.replace(/^\d{4}_/, '') === slug);
  expect(found, legacyName).toHaveLength(1);
  return (found[0] as { sql: string }).sql;
}

/**
 * Migrates the way the old migrator did, batch by batch: the table Kysely creates, each file's SQL and
 * its old name with a later timestamp per batch.
 */
// biome-ignore lint/suspicious/noExplicitAny: the schema is being built
async function migrateTheOldWay(db: Kysely<any>, batches: readonly (readonly string[])[]) {
  await sql`create table schema_migrations (name varchar(255) primary key, timestamp varchar(255) not null)`.execute(
    db,
  );
  let clock = Date.parse('2026-11-28T17:00:00Z');
  for (const batch of batches) {
    for (const name of [...batch].sort()) {
      await sql.raw(legacySql(name)).execute(db);
      clock += 60_000;
      await sql`insert into schema_migrations values (${name}, ${new Date(clock).toISOString()})`.execute(db);
    }
  }
}

async function recordedInOrder(db: Kysely<Database>): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from schema_migrations order by timestamp, name`.execute(
    db,
  );
  return r.rows.map((x) => x.name);
}

const ALL = MIGRATIONS.map((m) => m.name);
const LEGACY_COUNT = LEGACY_BATCHES.flat().length;

describe('migrations in one sequence', () => {
  it('are numbered 0001, 0002, ... without gaps, in the order they are applied', () => {
    expect(ALL.map((n) => n.slice(0, 4))).toEqual(ALL.map((_, i) => String(i + 1).padStart(4, '0')));
  });

  it('know every name a database recorded before the renumbering, in the order of the sequence', () => {
    expect(LEGACY_MIGRATIONS.map((m) => m.legacy).sort()).toEqual(LEGACY_BATCHES.flat().sort());
    expect(LEGACY_MIGRATIONS.map((m) => m.current)).toEqual(ALL.slice(0, LEGACY_COUNT));
  });

  it('migrate a fresh database in sequence order and record that order', async () => {
    tdb = await createEmptyDatabase();
    expect(await pendingMigrations(tdb.db)).toEqual(ALL);
    expect(await migrateToLatest(tdb.db)).toEqual(ALL);
    expect(await recordedInOrder(tdb.db)).toEqual(ALL);
    expect(await migrateToLatest(tdb.db)).toEqual([]);
    expect(await isMigrated(tdb.db)).toBe(true);
  });

  it('recognise a database migrated under the old block numbers and apply only what is new on top', async () => {
    tdb = await createEmptyDatabase();
    await migrateTheOldWay(tdb.db, LEGACY_BATCHES);
    // Every old record counts as its new name: only migrations written after the renumbering are pending.
    const fresh = ALL.slice(LEGACY_COUNT);
    expect(fresh.length).toBeGreaterThan(0);
    expect(await pendingMigrations(tdb.db)).toEqual(fresh);
    expect((await createTestApp(tdb).request('/readyz')).status).toBe(503);

    expect(await migrateToLatest(tdb.db)).toEqual(fresh);
    expect(await recordedInOrder(tdb.db)).toEqual(ALL);
    expect(await isMigrated(tdb.db)).toBe(true);
    expect((await createTestApp(tdb).request('/readyz')).status).toBe(200);
    // A second start (any process) finds nothing to do, and the claim function of the new migration works.
    expect(await migrateToLatest(tdb.db)).toEqual([]);
    const fn = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_proc where proname = 'claim_booking'`.execute(tdb.db);
    expect(fn.rows[0]?.n).toBe(1);
  });

  it('complete an old database that missed earlier-numbered files, in sequence order', async () => {
    tdb = await createEmptyDatabase();
    // Migrated on the first day: 0001 and 0010 only, before 0002 and 0003 landed.
    await migrateTheOldWay(tdb.db, LEGACY_BATCHES.slice(0, 2));
    expect(await pendingMigrations(tdb.db)).toEqual(ALL.filter((n) => !/^000[14]_/.test(n)));
    const applied = await migrateToLatest(tdb.db);
    expect(applied).toEqual(ALL.filter((n) => !/^000[14]_/.test(n)));
    expect(await recordedInOrder(tdb.db)).toEqual(ALL);
    expect(await isMigrated(tdb.db)).toBe(true);
  });

  it('rename the old records once, also when several processes start together', async () => {
    tdb = await createEmptyDatabase();
    await migrateTheOldWay(tdb.db, LEGACY_BATCHES);
    const runs = await Promise.all([
      migrateToLatest(tdb.db),
      migrateToLatest(tdb.db),
      migrateToLatest(tdb.db),
    ]);
    expect(runs.flat().sort()).toEqual(ALL.slice(LEGACY_COUNT));
    expect(await recordedInOrder(tdb.db)).toEqual(ALL);
  });
});
