// `npm run migrate`: applies pending migrations to DATABASE_URL (used before starting workerd on a server).
import { createDb, createPool } from '../functions/db/connect.ts';
import { migrateToLatest } from '../functions/db/migrator.ts';
import { assertStartable, parseConfig } from '../functions/env.ts';

const config = parseConfig(process.env);
// Runs as ExecStartPre of the workerd unit: a configuration that must not serve stops the start here.
try {
  assertStartable(config);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
if (!config.DATABASE_URL) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}
const db = createDb(createPool({ connectionString: config.DATABASE_URL, max: 1 }));
const applied = await migrateToLatest(db);
console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Up to date.');
await db.destroy();
