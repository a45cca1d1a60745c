// Deno entry: the same app with one shared pg Pool, migrated at start; demo data only with DEMO_SEED=on.

import { createApp } from './app/app.ts';
import { buildDeps } from './app/deps.ts';
import { seedDemoData } from './app/seed.ts';
import { createDb, createPool, REQUEST_BUDGET } from './db/connect.ts';
import { migrateToLatest } from './db/migrator.ts';
import { assertStartable, parseConfig } from './env.ts';
import { createFileAssets } from './platform/file-assets.ts';

declare const Deno: {
  env: { toObject(): Record<string, string> };
  readFile(path: string): Promise<Uint8Array>;
  serve(
    options: { port: number; hostname: string; onListen?: (a: { port: number }) => void },
    handler: (req: Request, info: { remoteAddr: { hostname: string } }) => Response | Promise<Response>,
  ): unknown;
  exit(code: number): never;
};

const config = (() => {
  try {
    const parsed = parseConfig(Deno.env.toObject());
    assertStartable(parsed);
    return parsed;
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
// A production database never gets demo logins by accident: seeding is an explicit development choice.
if (config.DEMO_SEED === 'on') await seedDemoData(setup, { password: config.DEMO_PASSWORD });
await setup.destroy();
const pool = createPool({
  connectionString: config.DATABASE_URL,
  max: config.DB_POOL_MAX,
  ...REQUEST_BUDGET,
});
const db = createDb(pool);
const assets = createFileAssets(new URL('../dist/web', import.meta.url).pathname, (p) => Deno.readFile(p));
const app = createApp(buildDeps(config, db, { assets, pool }));
Deno.serve(
  {
    port: config.PORT,
    hostname: config.HOST,
    onListen: ({ port }) => console.log(`Deno serving on http://${config.HOST}:${port}`),
  },
  // The peer address feeds the client address for limits (http/client-address.ts).
  (req, info) => app.fetch(req, { remoteAddress: info.remoteAddr.hostname }),
);
