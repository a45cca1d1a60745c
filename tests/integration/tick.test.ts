// POST /internal/tick: hidden without the internal token, returns counts, and nudges citizens whose counsellor waits.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queueCounsellorReady } from '../../functions/notifications/booking-messages.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type SmsReceiver, startSmsReceiver } from '../helpers/sms-receiver.ts';
import { outboxRows, seedBooking, seedStaff } from './outbox-fixtures.ts';

const TOKEN = 'tick-token-abcdefghijklmnop';
const START = new Date('2026-12-03T09:00:00Z');

let tdb: TestDatabase;
let receiver: SmsReceiver;
let clock: TestClock;
let t: TestApp;
let counsellorId: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  receiver = await startSmsReceiver();
  clock = new TestClock(START);
  t = createTestApp(tdb, { clock, env: { SMS_GATEWAY_URL: receiver.url, INTERNAL_TOKEN: TOKEN } });
  counsellorId = (await seedStaff(tdb.db)).counsellorId as string;
});

afterAll(async () => {
  await receiver?.close();
  await tdb?.close();
});

beforeEach(async () => {
  await tdb.db.deleteFrom('outbox_messages').execute();
  receiver.requests.length = 0;
});

const tick = (app: TestApp, authorization?: string, method = 'POST') =>
  app.request('/internal/tick', { method, headers: authorization ? { authorization } : {} });

describe('POST /internal/tick', () => {
  it('answers like an unknown path without the right token', async () => {
    const unknown = await t.request('/internal/nothing-here', { method: 'POST' });
    const unknownBody = (await unknown.json()) as Record<string, unknown>;
    for (const auth of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, TOKEN]) {
      const res = await tick(t, auth);
      expect(res.status).toBe(404);
      const body = (await res.json()) as Record<string, unknown>;
      expect({ ...body, requestId: null }).toEqual({ ...unknownBody, requestId: null });
    }
    expect((await tick(t, `Bearer ${TOKEN}`, 'GET')).status).toBe(404);
  });

  it('does not exist when INTERNAL_TOKEN is empty', async () => {
    const noToken = createTestApp(tdb, { clock, env: { SMS_GATEWAY_URL: receiver.url, INTERNAL_TOKEN: '' } });
    expect((await tick(noToken, 'Bearer ')).status).toBe(404);
    expect((await tick(noToken, 'Bearer undefined')).status).toBe(404);
  });

  it('runs delivery and retention and returns the counts', async () => {
    const res = await tick(t, `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      at: START.toISOString(),
      counsellorReadyQueued: 0,
      messages: { sent: 0, retrying: 0, dead: 0, skipped: 0, held: 0 },
      retention: { bookings: 0, messages: 0 },
      housekeeping: { auditEntries: 0, joinFailures: 0, staffSessions: 0, rateLimitWindows: 0 },
      // No LiveKit nodes registered: nothing to look at (tests/integration/livekit-nodes.test.ts has them).
      livekitNodes: { nodes: 0, down: 0, changed: 0, flaggedBookings: 0 },
    });
  });
});

describe('"your counsellor is ready"', () => {
  let slot = 0;
  const nextStart = () => new Date(START.getTime() + slot++ * 24 * 3_600_000);

  it('is sent once when the counsellor waits in the room and the citizen has not joined', async () => {
    const b = await seedBooking(tdb.db, { counsellorId, start: nextStart(), language: 'en' });
    await tdb.db
      .updateTable('bookings')
      .set({ counsellor_joined_at: new Date(b.start.getTime() - 120_000) })
      .where('id', '=', b.id)
      .execute();
    clock.set(new Date(b.start.getTime() - 60_000));
    expect((await (await tick(t, `Bearer ${TOKEN}`)).json()).counsellorReadyQueued).toBe(0);
    clock.set(new Date(b.start.getTime() + 60_000));
    const res = (await (await tick(t, `Bearer ${TOKEN}`)).json()) as Record<string, unknown>;
    expect(res).toMatchObject({ counsellorReadyQueued: 1, messages: { sent: 1 } });
    clock.advanceMinutes(1);
    await tick(t, `Bearer ${TOKEN}`);
    expect(receiver.requests.map((r) => r.text)).toEqual([
      'Your counsellor is ready now. Please open the link from your confirmation SMS.',
    ]);
  });

  it('is not sent when the citizen is already there, opted out, or the booking is cancelled', async () => {
    const present = await seedBooking(tdb.db, { counsellorId, start: nextStart() });
    await tdb.db
      .updateTable('bookings')
      .set({ counsellor_joined_at: present.start, citizen_joined_at: present.start })
      .where('id', '=', present.id)
      .execute();
    expect(await queueCounsellorReady(tdb.db, present.id)).toEqual({
      queued: false,
      reason: 'citizen_present',
    });
    const optedOut = await seedBooking(tdb.db, { counsellorId, start: nextStart(), smsOptOut: true });
    expect(await queueCounsellorReady(tdb.db, optedOut.id)).toEqual({ queued: false, reason: 'no_sms' });
    const cancelled = await seedBooking(tdb.db, { counsellorId, start: nextStart(), status: 'cancelled' });
    expect(await queueCounsellorReady(tdb.db, cancelled.id)).toEqual({ queued: false, reason: 'not_active' });
    expect(await outboxRows(tdb.db)).toHaveLength(0);
  });

  it('carries a freshly issued join link when the caller passes one, and only once per booking', async () => {
    const b = await seedBooking(tdb.db, { counsellorId, start: nextStart() });
    const first = await queueCounsellorReady(tdb.db, b.id, 'http://localhost:8787/j/RnJlc2hDb2RlXzEyMzQ1Ng', {
      now: b.start,
    });
    expect(first.queued).toBe(true);
    expect(await queueCounsellorReady(tdb.db, b.id)).toEqual({ queued: false, reason: 'duplicate' });
    clock.set(b.start);
    await tick(t, `Bearer ${TOKEN}`);
    expect(receiver.requests.map((r) => r.text)).toEqual([
      'Ihre Beraterin oder Ihr Berater ist jetzt bereit.\nJetzt teilnehmen:\nhttp://localhost:8787/j/RnJlc2hDb2RlXzEyMzQ1Ng',
    ]);
  });
});
