// POST /api/probe/ice: TURN credentials for the booking page's connection check without a join code; public, so
// limited per client in the shared PostgreSQL limiter, and valid one minute only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

const NOW = new Date('2026-12-03T09:00:00Z');
const URLS = 'turn:198.18.10.1:3478?transport=udp,turns:turn.agentur.example:443?transport=tcp';
const ENV = {
  LIVEKIT_URL: 'ws://127.0.0.1:1',
  LIVEKIT_API_KEY: 'devkey',
  LIVEKIT_API_SECRET: 'secret',
  LIVEKIT_TURN_URLS: URLS,
};

describe('POST /api/probe/ice', () => {
  let tdb: TestDatabase;
  let ip = 0;
  const clock = new TestClock(NOW);
  const from = () => ({ 'x-forwarded-for': `203.0.113.${++ip}` });
  const probe = (headers: Record<string, string>, env: Record<string, string> = ENV) =>
    createTestApp(tdb, { clock, env }).request('/api/probe/ice', { method: 'POST', headers });

  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb?.close());

  it('hands anyone the TURN URLs with a fresh one-minute credential, without a join code', async () => {
    const res = await probe(from());
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body.expiresAt).toBe(new Date(NOW.getTime() + 60_000).toISOString());
    expect(body.iceServers).toHaveLength(1);
    expect(body.iceServers[0].urls).toEqual(URLS.split(','));
    expect(body.iceServers[0].username).toMatch(/^[A-Za-z0-9]+$/);
    expect(body.iceServers[0].credential).toMatch(/^[A-Za-z0-9]{40,}$/);
    const again = (await (await probe(from())).json()).iceServers[0];
    expect(again.username).not.toBe(body.iceServers[0].username);
  });

  it('answers an empty list when no TURN URLs are configured', async () => {
    const { LIVEKIT_TURN_URLS: _, ...withoutTurn } = ENV;
    const res = await probe(from(), withoutTurn);
    expect(res.status).toBe(200);
    expect((await res.json()).iceServers).toEqual([]);
  });

  it('refuses the eleventh check a minute from one client with 429 and Retry-After, not its neighbours', async () => {
    const me = from();
    for (let i = 0; i < 10; i++) expect((await probe(me)).status).toBe(200);
    const blocked = await probe(me);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const problem = await blocked.json();
    expect(problem.code).toBe('rate_limited');
    expect(problem).not.toHaveProperty('iceServers');
    expect((await probe(from())).status).toBe(200);
    clock.advanceMinutes(1);
    expect((await probe(me)).status).toBe(200);
    clock.set(NOW);
  });

  it('is listed in the OpenAPI document', async () => {
    const res = await createTestApp(tdb, { clock, env: ENV }).request('/api/openapi.json');
    expect(Object.keys((await res.json()).paths)).toContain('/api/probe/ice');
  });
});
