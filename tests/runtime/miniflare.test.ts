// The bundled worker under Miniflare with the bindings declared in wrangler.toml, against the real database.
import { readFileSync } from 'node:fs';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../functions/app/seed.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

/** The [vars] of wrangler.toml (flat string values), so the test exercises the file we ship. */
function wranglerVars(): Record<string, string> {
  const text = readFileSync('wrangler.toml', 'utf8');
  const section = text.split(/^\[vars\]\s*$/m)[1]?.split(/^\[/m)[0] ?? '';
  const vars: Record<string, string> = {};
  for (const m of section.matchAll(/^([A-Z_]+)\s*=\s*"(.*)"\s*$/gm)) vars[m[1]!] = m[2]!;
  return vars;
}

let tdb: TestDatabase;
let mf: Miniflare;

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedDemoData(tdb.db, { password: 'pw', iterations: 1000, counsellors: 2 });
  const toml = readFileSync('wrangler.toml', 'utf8');
  const date = /compatibility_date\s*=\s*"([^"]+)"/.exec(toml)?.[1];
  mf = new Miniflare({
    modules: true,
    scriptPath: 'dist/worker/worker.js',
    compatibilityDate: date!,
    compatibilityFlags: ['nodejs_compat'],
    durableObjects: { APP_HOST: 'AppHost' },
    bindings: { ...wranglerVars(), DATABASE_URL: tdb.url, LOG_LEVEL: 'warn' },
  });
  await mf.ready;
});

afterAll(async () => {
  await mf?.dispose();
  await tdb?.close();
});

describe('Miniflare with wrangler.toml', () => {
  it('declares a 2026 compatibility date with nodejs_compat', () => {
    const toml = readFileSync('wrangler.toml', 'utf8');
    expect(toml).toMatch(/compatibility_date = "2026-/);
    expect(toml).toContain('nodejs_compat');
  });

  it('answers /readyz and /api/services from PostgreSQL', async () => {
    const ready = await mf.dispatchFetch('http://localhost/readyz');
    expect(ready.status).toBe(200);
    const services = (await (await mf.dispatchFetch('http://localhost/api/services')).json()) as {
      services: { id: string }[];
    };
    expect(services.services.map((s) => s.id)).toContain('arbeitslosengeld');
  });
});
