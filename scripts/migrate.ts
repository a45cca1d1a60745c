// `npm run migrate`: applies pending migrations to DATABASE_URL (used before starting workerd on a server).
import { createDb, createPool } from '../functions/db/connect.ts';
import { migrateToLatest } from '../functions/db/migrator.ts';
import { parseConfig } from '../functions/env.ts';

const config = parseConfig(process.env);
if (!config.DATABASE_URL) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}
const db = createDb(createPool({ connectionString: config.DATABASE_URL, max: 1 }));
const applied = await migrateToLatest(db);
console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Up to date.');
await db.destroy();
