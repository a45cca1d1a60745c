// Deno entry: the same app with one shared pg Pool, migrated (and seeded when empty) at start.
import { createDb, createPool, REQUEST_BUDGET } from './db/connect.ts';
import { migrateToLatest } from './db/migrator.ts';
import { seedDemoData } from './db/seed.ts';
import { parseConfig } from './env.ts';
import { createApp } from './http/app.ts';
import { buildDeps } from './platform/deps.ts';
import { createFileAssets } from './platform/file-assets.ts';

declare const Deno: {
  env: { toObject(): Record<string, string> };
  readFile(path: string): Promise<Uint8Array>;
  serve(
    options: { port: number; hostname: string; onListen?: (a: { port: number }) => void },
    handler: (req: Request) => Response | Promise<Response>,
  ): unknown;
  exit(code: number): never;
};

const config = (() => {
  try {
    return parseConfig(Deno.env.toObject());
  } catch (e) {
    console.error(String((e as Error).message));
    Deno.exit(2);
  }
})();
if (!config.DATABASE_URL) {
  console.error('DATABASE_URL is required for `deno task start`.');
  Deno.exit(2);
}
// Migrations and seeding may run long statements; requests get the per-request budget.
const setup = createDb(createPool({ connectionString: config.DATABASE_URL, max: 2 }));
await migrateToLatest(setup);
await seedDemoData(setup, { password: config.DEMO_PASSWORD });
await setup.destroy();
const pool = createPool({ connectionString: config.DATABASE_URL, max: config.DB_POOL_MAX, ...REQUEST_BUDGET });
const db = createDb(pool);
const assets = createFileAssets(new URL('../dist/web', import.meta.url).pathname, (p) => Deno.readFile(p));
const app = createApp(buildDeps(config, db, { assets }));
Deno.serve(
  {
    port: config.PORT,
    hostname: '127.0.0.1',
    onListen: ({ port }) => console.log(`Deno serving on http://127.0.0.1:${port}`),
  },
  app.fetch,
);
