// POST /api/staff/bookings/:id/running-late: the booking's counsellor only; stores the delay and texts the citizen once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runTick } from '../../functions/internal/tick.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type SmsReceiver, startSmsReceiver } from '../helpers/sms-receiver.ts';
import { login, outboxRows, seedBooking, seedStaff } from './outbox-fixtures.ts';

const START = new Date('2026-12-03T09:00:00Z');

let tdb: TestDatabase;
let receiver: SmsReceiver;
let clock: TestClock;
let t: TestApp;
let mine: { email: string; userId: string; counsellorId: string | null };
let other: { email: string; userId: string; counsellorId: string | null };

beforeAll(async () => {
  tdb = await createTestDatabase();
  receiver = await startSmsReceiver();
  clock = new TestClock(new Date(START.getTime() - 5 * 60_000));
  t = createTestApp(tdb, { clock, env: { SMS_GATEWAY_URL: receiver.url } });
  mine = await seedStaff(tdb.db);
  other = await seedStaff(tdb.db);
});

afterAll(async () => {
  await receiver?.close();
  await tdb?.close();
});

beforeEach(() => {
  receiver.requests.length = 0;
});

let slot = 0;
async function booking(options: { status?: 'confirmed' | 'cancelled'; smsOptOut?: boolean } = {}) {
  // Same day, one hour apart, so "5 minutes before START" is before every booking's end.
  const start = new Date(START.getTime() + slot++ * 3_600_000);
  return seedBooking(tdb.db, { counsellorId: mine.counsellorId as string, start, ...options });
}

async function delay(id: string) {
  const row = await tdb.db
    .selectFrom('bookings')
    .select('counsellor_delay_minutes')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.counsellor_delay_minutes;
}

describe('running late', () => {
  it('stores the delay and texts the citizen once; a newer delay replaces an unsent one', async () => {
    const b = await booking();
    const s = await login(t, mine.email);
    const post = (minutes: number) =>
      t.request(`/api/staff/bookings/${b.id}/running-late`, {
        method: 'POST',
        headers: s.headers,
        json: { minutes },
      });
    const res = await post(5);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ booking: { id: b.id, counsellorDelayMinutes: 5 }, smsQueued: true });
    expect((await post(10)).status).toBe(200);
    expect(await delay(b.id)).toBe(10);
    await runTick(t.deps, clock.now());
    expect(receiver.requests.map((r) => r.text)).toEqual([
      'Ihr Videotermin um 10:00 Uhr beginnt etwa 10 Minuten später. Bitte bleiben Sie im Warteraum oder kommen Sie etwas später.',
    ]);
    // A double click sends nothing more.
    expect((await (await post(10)).json()).smsQueued).toBe(false);
    await runTick(t.deps, clock.now());
    expect(receiver.requests).toHaveLength(1);
    // A changed delay is news again.
    clock.advanceMinutes(1);
    expect((await (await post(5)).json()).smsQueued).toBe(true);
    await runTick(t.deps, clock.now());
    expect(receiver.requests.map((r) => r.text.slice(0, 47))).toEqual([
      'Ihr Videotermin um 10:00 Uhr beginnt etwa 10 Mi',
      'Ihr Videotermin um 10:00 Uhr beginnt etwa 5 Min',
    ]);
    clock.advanceMinutes(-1);
    const audit = await tdb.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'running_late')
      .where('entity_id', '=', b.id)
      .execute();
    expect(audit).toHaveLength(4);
    expect(audit[0]?.actor_id).toBe(mine.userId);
  });

  it('withdraws the delay with 0 minutes without a message', async () => {
    const b = await booking();
    const s = await login(t, mine.email);
    await t.request(`/api/staff/bookings/${b.id}/running-late`, {
      method: 'POST',
      headers: s.headers,
      json: { minutes: 15 },
    });
    const res = await t.request(`/api/staff/bookings/${b.id}/running-late`, {
      method: 'POST',
      headers: s.headers,
      json: { minutes: 0 },
    });
    expect(await res.json()).toEqual({
      booking: { id: b.id, counsellorDelayMinutes: null },
      smsQueued: false,
    });
    expect(await delay(b.id)).toBeNull();
    expect((await outboxRows(tdb.db, b.id)).map((r) => r.status)).toEqual(['cancelled']);
  });

  it("refuses another counsellor's booking, an operator, bad input and a cancelled booking, changing nothing", async () => {
    const b = await booking();
    const cancelled = await booking({ status: 'cancelled' });
    const otherSession = await login(t, other.email);
    const op = await seedStaff(tdb.db, 'operator');
    const opSession = await login(t, op.email);
    const mineSession = await login(t, mine.email);
    const url = `/api/staff/bookings/${b.id}/running-late`;
    const cases: [string, RequestInit & { json?: unknown }, number, string][] = [
      [url, { method: 'POST', json: { minutes: 5 } }, 401, 'unauthorized'],
      [url, { method: 'POST', headers: otherSession.headers, json: { minutes: 5 } }, 403, 'forbidden'],
      [url, { method: 'POST', headers: opSession.headers, json: { minutes: 5 } }, 403, 'forbidden'],
      [
        url,
        { method: 'POST', headers: { cookie: mineSession.cookie }, json: { minutes: 5 } },
        403,
        'csrf_failed',
      ],
      [
        url,
        { method: 'POST', headers: mineSession.headers, json: { minutes: 121 } },
        422,
        'validation_failed',
      ],
      [
        url,
        { method: 'POST', headers: mineSession.headers, json: { minutes: 2.5 } },
        422,
        'validation_failed',
      ],
      [
        url,
        { method: 'POST', headers: mineSession.headers, json: { minutes: '5' } },
        422,
        'validation_failed',
      ],
      [url, { method: 'POST', headers: mineSession.headers, json: {} }, 422, 'validation_failed'],
      [
        url,
        {
          method: 'POST',
          headers: { ...mineSession.headers, 'content-type': 'application/json' },
          body: '{',
        },
        400,
        'invalid_request',
      ],
      [
        '/api/staff/bookings/not-an-id/running-late',
        { method: 'POST', headers: mineSession.headers, json: { minutes: 5 } },
        404,
        'not_found',
      ],
      [
        '/api/staff/bookings/00000000-0000-4000-8000-000000000000/running-late',
        { method: 'POST', headers: mineSession.headers, json: { minutes: 5 } },
        404,
        'not_found',
      ],
      [
        `/api/staff/bookings/${cancelled.id}/running-late`,
        { method: 'POST', headers: mineSession.headers, json: { minutes: 5 } },
        409,
        'conflict',
      ],
    ];
    for (const [path, init, status, code] of cases) {
      const res = await t.request(path, init);
      expect([path, res.status]).toEqual([path, status]);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(((await res.json()) as { code: string }).code).toBe(code);
    }
    expect(await delay(b.id)).toBeNull();
    expect(await outboxRows(tdb.db, b.id)).toHaveLength(0);
    expect(await outboxRows(tdb.db, cancelled.id)).toHaveLength(0);
  });
});
