// A fresh, migrated database per test file, copied from the run's template.
import type { Kysely } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, createPool } from '../../functions/db/connect.ts';
import type { Database } from '../../functions/db/database.ts';

export interface TestDatabase {
  url: string;
  db: Kysely<Database>;
  pool: pg.Pool;
  close(): Promise<void>;
}

let counter = 0;

export function createTestDatabase(): Promise<TestDatabase> {
  return createDatabase(`template ${inject('pgTemplate')}`);
}

/** An empty database without any migration, for migrator tests. */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return createDatabase('');
}

async function createDatabase(template: string): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} ${template}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  const pool = createPool({ connectionString: url, max: 20 });
  const db = createDb(pool);
  return {
    url,
    db,
    pool,
    close: async () => {
      await db.destroy();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
