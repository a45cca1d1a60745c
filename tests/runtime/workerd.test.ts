// The bundled worker served by the real workerd binary answers from the real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../functions/app/seed.ts';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { startWorkerd, type WorkerdProcess } from '../../scripts/lib/workerd.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let tdb: TestDatabase;
let worker: WorkerdProcess;

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedDemoData(tdb.db, { password: 'pw', iterations: 1000, counsellors: 2 });
  worker = await startWorkerd({ port: await freePort(), env: { DATABASE_URL: tdb.url, LOG_LEVEL: 'warn' } });
});

afterAll(async () => {
  await worker?.stop();
  await tdb?.close();
});

describe('workerd runtime', () => {
  it('answers /readyz with 200 when the database is migrated, naming what is not set up', async () => {
    const res = await fetch(`${worker.url}/readyz`);
    expect(res.status).toBe(200);
    // This instance has neither a video server nor an SMS gateway configured.
    expect(await res.json()).toEqual({
      status: 'degraded',
      database: 'ok',
      video: 'not_configured',
      sms: 'not_configured',
    });
  });

  it('serves /api/services from PostgreSQL in German and English', async () => {
    const de = await (
      await fetch(`${worker.url}/api/services`, { headers: { 'accept-language': 'de' } })
    ).json();
    const en = await (
      await fetch(`${worker.url}/api/services`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })
    ).json();
    const alg = de.services.find((s: { id: string }) => s.id === 'arbeitslosengeld');
    expect(alg).toMatchObject({ name: 'Arbeitslosengeld', durationMinutes: 30 });
    expect(en.services.find((s: { id: string }) => s.id === 'arbeitslosengeld').name).toBe(
      'Unemployment benefit',
    );
  });

  it('reuses pooled connections across requests (many requests, few backends)', async () => {
    await Promise.all(
      Array.from({ length: 40 }, () => fetch(`${worker.url}/api/services`).then((r) => r.arrayBuffer())),
    );
    const { rows } = await tdb.pool.query(
      "select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = '' and pid <> pg_backend_pid()",
    );
    expect(rows[0].n).toBeLessThanOrEqual(10);
  });

  it('serves the built booking page precompressed with security headers', async () => {
    const res = await fetch(`${worker.url}/`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toContain('<div id="app">');
  });

  it('answers a malformed JSON body with a problem, not a 500', async () => {
    const res = await fetch(`${worker.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).code).toBe('invalid_request');
  });
});
