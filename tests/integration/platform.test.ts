// Health, readiness, problem responses and recovery from a database restart, against real PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../functions/app/seed.ts';
import { createDb, createPool } from '../../functions/db/connect.ts';
import { migrateToLatest, pendingMigrations } from '../../functions/db/migrator.ts';
import { freePort, startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.ts';
import { createTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedDemoData(tdb.db, { password: 'pw', iterations: 1000, counsellors: 3 });
});
afterAll(() => tdb?.close());

describe('health and readiness', () => {
  it('reports liveness without touching the database', async () => {
    const t = createTestApp(tdb);
    const res = await t.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-request-id')).toMatch(/.{8,}/);
  });

  it('sends the security headers (Hono secure-headers with the product policy)', async () => {
    const res = await createTestApp(tdb).request('/api/services');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('permissions-policy')).toBe(
      'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=()',
    );
    // The test app's public URL is http: no HSTS.
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it("counts and discards the connection check's upload, uncached", async () => {
    const res = await createTestApp(tdb).request('/api/probe', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(32_768),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ bytes: 32_768 });
  });

  it('refuses an upload probe over 64 KiB with a 413 problem', async () => {
    const res = await createTestApp(tdb).request('/api/probe', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(64 * 1024 + 1),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).code).toBe('payload_too_large');
  });

  it('is ready on a migrated database', async () => {
    const res = await createTestApp(tdb).request('/readyz');
    expect(res.status).toBe(200);
  });

  it('is not ready (503 problem) on a database without migrations', async () => {
    await tdb.pool.query('create database unmigrated_db');
    const url = tdb.url.replace(/\/[^/]+$/, '/unmigrated_db');
    const pool = createPool({ connectionString: url });
    const other = { ...tdb, url, db: createDb(pool), pool };
    const res = await createTestApp(other).request('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect((await res.json()).code).toBe('database_unavailable');
    await other.db.destroy();
    await tdb.pool.query('drop database unmigrated_db');
  });

  it('is not ready while any migration is missing, not only the newest', async () => {
    // The oldest migration's record is hidden under another name for the duration of the test.
    const oldest = '0001_create_schema';
    const hide = 'update schema_migrations set name = $2 where name = $1';
    await tdb.pool.query(hide, [oldest, `${oldest}-hidden`]);
    try {
      expect(await pendingMigrations(tdb.db)).toEqual([oldest]);
      const res = await createTestApp(tdb).request('/readyz');
      expect(res.status).toBe(503);
    } finally {
      await tdb.pool.query(hide, [`${oldest}-hidden`, oldest]);
    }
    expect(await pendingMigrations(tdb.db)).toEqual([]);
    expect((await createTestApp(tdb).request('/readyz')).status).toBe(200);
  });

  it('answers 503 with Retry-After when the database cannot be reached', async () => {
    const port = await freePort();
    const pool = createPool({
      connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/none`,
      connectTimeoutMs: 500,
    });
    const down = { ...tdb, db: createDb(pool), pool };
    for (const path of ['/readyz', '/api/services']) {
      const res = await createTestApp(down).request(path);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect((await res.json()).code).toBe('database_unavailable');
    }
    await down.db.destroy();
  });
});

describe('problem responses for bad input', () => {
  it.each([
    ['malformed JSON', '{"email":', 'application/json', 400, 'invalid_request'],
    ['wrong shape', '{"email":42}', 'application/json', 422, 'validation_failed'],
    [
      'unknown fields',
      '{"email":"a@b.de","password":"x","admin":true}',
      'application/json',
      422,
      'validation_failed',
    ],
    ['not JSON at all', 'email=a', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
  ])('answers %s with %i %s', async (_name, body, type, status, code) => {
    const res = await createTestApp(tdb).request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    expect(res.status).toBe(status);
    const problem = await res.json();
    expect(problem).toMatchObject({ status, code });
    expect(problem.requestId).toBeTruthy();
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await createTestApp(tdb).request('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('not_found');
  });
});

describe('database restart', () => {
  it('says 503 while PostgreSQL is down and recovers without a restart of the app', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'br-restart-'));
    const port = await freePort();
    let server = await startEmbeddedPostgres({ dataDir: dir, port, quiet: true });
    const pool = createPool({ connectionString: server.url, connectTimeoutMs: 1000 });
    const db = createDb(pool);
    await migrateToLatest(db);
    await seedDemoData(db, { password: 'pw', iterations: 1000, counsellors: 1 });
    const t = createTestApp({ ...tdb, url: server.url, db, pool });
    expect((await t.request('/api/services')).status).toBe(200);
    await server.stop();
    const down = await t.request('/api/services');
    expect(down.status).toBe(503);
    server = await startEmbeddedPostgres({ dataDir: dir, port, quiet: true });
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await t.request('/api/services')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    await db.destroy();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('request size', () => {
  it('refuses bodies over 64 KiB with 413 before parsing them', async () => {
    const res = await createTestApp(tdb).request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.de', password: 'x'.repeat(70_000) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe('payload_too_large');
  });
});
