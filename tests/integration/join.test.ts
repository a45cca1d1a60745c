// POST /api/join against a real LiveKit server: window, states, token scope, rate limits, waiting room, failures.
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import {
  type BookingFixture,
  decodeJwt,
  insertBooking,
  type LiveKitFixture,
  liveKitMissingReason,
  startTestLiveKit,
} from '../helpers/room-fixtures.ts';

const skip = liveKitMissingReason();
const NOW = new Date('2026-12-03T09:00:00Z');

describe.skipIf(skip)('POST /api/join', () => {
  let tdb: TestDatabase;
  let lk: LiveKitFixture;
  let clock: TestClock;
  let t: TestApp;
  let ip = 0;

  // Each test speaks from its own address so the guessing limit of one does not leak into another.
  const from = () => ({ 'x-forwarded-for': `203.0.113.${++ip}` });
  const join = (code: unknown, headers: Record<string, string> = from()) =>
    t.request('/api/join', { method: 'POST', json: { code }, headers });
  const book = (startOffsetMinutes: number, extra: Partial<Parameters<typeof insertBooking>[1]> = {}) =>
    insertBooking(tdb.db, {
      start: new Date(NOW.getTime() + startOffsetMinutes * 60_000),
      ...extra,
    });

  beforeAll(async () => {
    [tdb, lk] = await Promise.all([createTestDatabase(), startTestLiveKit()]);
    clock = new TestClock(NOW);
    t = createTestApp(tdb, { clock, env: lk.env });
  });
  afterAll(async () => {
    await lk?.stop();
    await tdb?.close();
  });

  it('issues a citizen token for the booking’s own room, created on the server with two seats', async () => {
    const b = await book(10);
    const res = await join(b.code);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({
      serverUrl: lk.server.url,
      room: b.roomName,
      role: 'citizen',
      identity: `citizen:${b.id}`,
      start: b.start.toISOString(),
      end: b.end.toISOString(),
      waiting: true,
      counsellorPresent: false,
    });
    expect(body.room).not.toContain(b.code);
    const claims = decodeJwt(body.token);
    expect(claims.sub).toBe(`citizen:${b.id}`);
    expect(claims.video).toMatchObject({
      room: b.roomName,
      roomJoin: true,
      canPublish: true,
      canSubscribe: true,
    });
    expect(claims.video?.roomAdmin).toBeFalsy();
    expect(claims.video?.roomCreate).toBeFalsy();
    expect(claims.video?.roomList).toBeFalsy();
    expect(claims.video?.roomRecord).toBeFalsy();
    expect(claims.video?.recorder).toBeFalsy();
    expect(claims.video?.canPublishSources).toEqual(['camera', 'microphone']);
    expect((claims.exp as number) - (claims.nbf as number)).toBeLessThanOrEqual(600);
    const rooms = await new RoomServiceClient(
      lk.server.httpUrl,
      lk.server.apiKey,
      lk.server.apiSecret,
    ).listRooms([b.roomName]);
    expect(rooms.map((r) => [r.name, r.maxParticipants])).toEqual([[b.roomName, 2]]);
  });

  it('shows the recording notice in German by default and in English on request', async () => {
    const b = await book(0);
    const de = await (await join(b.code)).json();
    expect(de.notice.title).toMatch(/Aufzeichnung/);
    expect(de.notice.text).toMatch(/verboten und strafbar \(§ 201 StGB\)/);
    expect(de.notice.text).toMatch(/rechtlichen Folgen/);
    const en = await (
      await t.request('/api/join', {
        method: 'POST',
        json: { code: b.code },
        headers: { ...from(), 'accept-language': 'en-GB,en;q=0.9' },
      })
    ).json();
    expect(en.notice.text).toMatch(/criminal offence/);
  });

  it('lets the same code join again (a reconnect or a second device is not refused)', async () => {
    const b = await book(0);
    expect((await join(b.code)).status).toBe(200);
    expect((await join(b.code)).status).toBe(200);
  });

  it('answers 425 join_not_open with opensAt before the window and changes nothing', async () => {
    const b = await book(60);
    const res = await join(b.code);
    expect(res.status).toBe(425);
    const body = await res.json();
    expect(body.code).toBe('join_not_open');
    expect(body.opensAt).toBe(new Date(NOW.getTime() + 45 * 60_000).toISOString());
    expect(await auditCount(b.id)).toBe(0);
  });

  it('opens exactly 15 minutes before the start and closes 30 minutes after the end', async () => {
    const b = await book(15);
    expect((await join(b.code)).status).toBe(200);
    const late = await book(-60); // ended 30 minutes ago
    const res = await join(late.code);
    expect(res.status).toBe(410);
    expect((await res.json()).code).toBe('join_closed');
    const almost = await book(-59, { kind: 'adhoc' }); // off the five-minute grid
    expect((await join(almost.code)).status).toBe(200);
  });

  it.each([
    ['cancelled', 'booking_cancelled'],
    ['completed', 'join_closed'],
    ['no_show', 'join_closed'],
  ] as const)('answers 410 for a %s booking inside its window (%s)', async (status, code) => {
    const b = await book(0, { status });
    const res = await join(b.code);
    expect(res.status).toBe(410);
    expect((await res.json()).code).toBe(code);
  });

  it('answers an unknown and a malformed code with the same 404', async () => {
    const a = await join('AAAAAAAAAAAAAAAAAAAAAA');
    const m = await join('../etc/passwd');
    expect([a.status, m.status]).toEqual([404, 404]);
    const [ab, mb] = [await a.json(), await m.json()];
    expect({ ...ab, requestId: '' }).toEqual({ ...mb, requestId: '' });
  });

  it('answers 422 for a body without a code and 415 for a form post', async () => {
    const res = await t.request('/api/join', { method: 'POST', json: {}, headers: from() });
    expect(res.status).toBe(422);
    expect((await res.json()).code).toBe('validation_failed');
    const form = await t.request('/api/join', {
      method: 'POST',
      body: 'code=x',
      headers: { ...from(), 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect([400, 415]).toContain(form.status);
  });

  it('answers unknown codes with 429 and Retry-After after six a minute, but never refuses a valid code (carrier NAT)', async () => {
    const b = await book(0);
    const me = from();
    for (let i = 0; i < 6; i++)
      expect((await join(`unknown-code-${i}-xxxxxxxxxxxxxxxx`, me)).status).toBe(404);
    const blocked = await join('unknown-code-7-xxxxxxxxxxxxxxxx', me);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await blocked.json()).code).toBe('rate_limited');
    // A neighbour behind the same address with a real link still gets in.
    expect((await join(b.code, me)).status).toBe(200);
    expect((await join('unknown-code-8-xxxxxxxxxxxxxxxx', from())).status).toBe(404);
    clock.advanceMinutes(1);
    expect((await join('unknown-code-9-xxxxxxxxxxxxxxxx', me)).status).toBe(404);
    clock.set(NOW);
  });

  it('does not count valid codes against the guessing limit', async () => {
    const b = await book(0);
    const me = from();
    for (let i = 0; i < 10; i++) expect((await join(b.code, me)).status).toBe(200);
  });

  it('never issues a token or creates a room on GET /j/CODE', async () => {
    const b = await book(0);
    const res = await t.request(`/j/${b.code}`);
    const text = await res.text();
    expect(text).not.toContain(b.roomName);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    const rooms = await new RoomServiceClient(
      lk.server.httpUrl,
      lk.server.apiKey,
      lk.server.apiSecret,
    ).listRooms([b.roomName]);
    expect(rooms).toEqual([]);
    expect(await auditCount(b.id)).toBe(0);
  });

  it('answers 503 video_unavailable with Retry-After while LiveKit is down and recovers without a restart', async () => {
    const b = await book(0);
    await lk.server.stop();
    try {
      const res = await join(b.code);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBeTruthy();
      const body = await res.json();
      expect(body.code).toBe('video_unavailable');
      expect(body.detail).toMatch(/video service/i);
      const row = await tdb.db
        .selectFrom('bookings')
        .select('status')
        .where('id', '=', b.id)
        .executeTakeFirst();
      expect(row?.status).toBe('confirmed');
    } finally {
      await lk.server.start();
    }
    expect((await join(b.code)).status).toBe(200);
  });

  async function auditCount(bookingId: string): Promise<number> {
    const r = await tdb.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_id', '=', bookingId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  describe('waiting room and failure reports', () => {
    let b: BookingFixture;
    beforeAll(async () => {
      b = await book(0);
    });

    it('reports the state without issuing a token, and a waiting counsellor delay', async () => {
      await tdb.db
        .updateTable('bookings')
        .set({ counsellor_delay_minutes: 5 })
        .where('id', '=', b.id)
        .execute();
      const res = await t.request('/api/join/status', {
        method: 'POST',
        json: { code: b.code },
        headers: from(),
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toEqual({
        state: 'open',
        start: b.start.toISOString(),
        end: b.end.toISOString(),
        opensAt: new Date(b.start.getTime() - 15 * 60_000).toISOString(),
        counsellorPresent: false,
        delayMinutes: 5,
      });
      expect(body.token).toBeUndefined();
    });

    it('tells the citizen when the counsellor is in the room', async () => {
      await tdb.db
        .insertInto('participant_events')
        .values({
          webhook_id: `EV_${b.id}`,
          booking_id: b.id,
          room_name: b.roomName,
          identity: `counsellor:${b.id}:${crypto.randomUUID()}`,
          role: 'counsellor',
          event: 'joined',
          at: NOW,
        })
        .execute();
      const status = await (
        await t.request('/api/join/status', { method: 'POST', json: { code: b.code }, headers: from() })
      ).json();
      expect(status.counsellorPresent).toBe(true);
      const joined = await (await join(b.code)).json();
      expect([joined.waiting, joined.counsellorPresent]).toEqual([false, true]);
    });

    it('answers 404 for an unknown code on the status endpoint too', async () => {
      const res = await t.request('/api/join/status', {
        method: 'POST',
        json: { code: 'BBBBBBBBBBBBBBBBBBBBBB' },
        headers: from(),
      });
      expect(res.status).toBe(404);
    });

    it('records a join failure with and without a code, without personal data', async () => {
      const me = from();
      const report = (json: unknown) => t.request('/api/join/failure', { method: 'POST', json, headers: me });
      expect((await report({ code: b.code, browser: 'Firefox 128', reason: 'NotAllowedError' })).status).toBe(
        201,
      );
      expect((await report({ browser: 'Safari 17', reason: 'ice_failed' })).status).toBe(201);
      const rows = await tdb.db
        .selectFrom('join_failures')
        .select(['booking_id', 'browser', 'reason'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { booking_id: b.id, browser: 'Firefox 128', reason: 'NotAllowedError' },
        { booking_id: null, browser: 'Safari 17', reason: 'ice_failed' },
      ]);
      const bad = await report({ browser: 'x', reason: 'call me at max@example.org' });
      expect(bad.status).toBe(422);
    });

    it('rate-limits failure reports per client', async () => {
      const me = from();
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await t.request('/api/join/failure', {
          method: 'POST',
          json: { browser: 'Chrome 120', reason: 'timeout' },
          headers: me,
        });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
      expect(statuses[10]).toBe(429);
    });
  });
});
