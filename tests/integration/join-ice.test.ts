// POST /api/join/ice: TURN credentials for the join page's pre-call check, only for an open room, short-lived,
// in LiveKit's own format (tests/unit/turn-credentials.test.ts checks the encoding against the Go library).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base62 } from '../../functions/rooms/turn-credentials.ts';
import { createTestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { insertBooking } from '../helpers/room-fixtures.ts';

const NOW = new Date('2026-12-03T09:00:00Z');
const URLS = 'turn:198.18.10.1:3478?transport=udp,turns:turn.agentur.example:443?transport=tcp';
const LIVEKIT = { LIVEKIT_URL: 'ws://127.0.0.1:1', LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret' };

describe('POST /api/join/ice', () => {
  let tdb: TestDatabase;
  let ip = 0;
  const from = () => ({ 'x-forwarded-for': `203.0.113.${++ip}` });
  const ask = (env: Record<string, string>, code: unknown) =>
    createTestApp(tdb, { clock: new TestClock(NOW), env }).request('/api/join/ice', {
      method: 'POST',
      json: { code },
      headers: from(),
    });
  const book = (startOffsetMinutes: number) =>
    insertBooking(tdb.db, { start: new Date(NOW.getTime() + startOffsetMinutes * 60_000) });

  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb?.close());

  it('hands out the configured TURN URLs with a one-minute LiveKit credential for an open room', async () => {
    const b = await book(5);
    const res = await ask({ ...LIVEKIT, LIVEKIT_TURN_URLS: URLS }, b.code);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body.expiresAt).toBe(new Date(NOW.getTime() + 60_000).toISOString());
    expect(body.iceServers).toHaveLength(1);
    const server = body.iceServers[0];
    expect(server.urls).toEqual(URLS.split(','));
    // LiveKit's user name is base62("KEY|check-UUID|EXPIRY"): its length is fixed, the id fresh per check.
    const expiry = NOW.getTime() / 1000 + 60;
    const sample = base62(
      new TextEncoder().encode(`devkey|check-${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}|${expiry}`),
    );
    expect(server.username).toMatch(/^[A-Za-z0-9]+$/);
    expect(Math.abs(server.username.length - sample.length)).toBeLessThanOrEqual(2);
    expect(server.credential).toMatch(/^[A-Za-z0-9]{40,}$/);
    const again = (await (await ask({ ...LIVEKIT, LIVEKIT_TURN_URLS: URLS }, b.code)).json()).iceServers[0];
    expect(again.username).not.toBe(server.username);
    expect(again.credential).not.toBe(server.credential);
  });

  it('answers an empty list when no TURN URLs are configured', async () => {
    const b = await book(5);
    const res = await ask(LIVEKIT, b.code);
    expect(res.status).toBe(200);
    expect((await res.json()).iceServers).toEqual([]);
  });

  it('refuses a room that is not open yet, and an unknown code, with problems', async () => {
    const early = await book(120);
    const res = await ask({ ...LIVEKIT, LIVEKIT_TURN_URLS: URLS }, early.code);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).code).toBe('join_not_open');
    const unknown = await ask({ ...LIVEKIT, LIVEKIT_TURN_URLS: URLS }, 'A'.repeat(22));
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect([400, 404]).toContain(unknown.status);
  });

  it('rejects a malformed TURN URL list at start', () => {
    expect(() =>
      createTestApp(tdb, { env: { ...LIVEKIT, LIVEKIT_TURN_URLS: 'http://evil.example' } }),
    ).toThrow(/LIVEKIT_TURN_URLS/);
  });
});
