// `npm run seed`: migrates and seeds the demo data into DATABASE_URL (or the embedded database).

import { seedDemoData } from '../functions/app/seed.ts';
import { createDb, createPool } from '../functions/db/connect.ts';
import { migrateToLatest } from '../functions/db/migrator.ts';
import { parseConfig } from '../functions/env.ts';
import { startEmbeddedPostgres } from './lib/embedded-postgres.ts';

const config = parseConfig(process.env);
const embedded = config.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, quiet: true });
const db = createDb(createPool({ connectionString: config.DATABASE_URL || embedded!.url, max: 2 }));
await migrateToLatest(db);
const seeded = await seedDemoData(db, { password: config.DEMO_PASSWORD });
console.log(seeded ? 'Demo data created.' : 'The database already has data; nothing changed.');
await db.destroy();
await embedded?.stop();
