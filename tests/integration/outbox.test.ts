// The outbox: written in the booking's transaction, delivered once through the HTTP gateway, reminders on time.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type BookingEvent, queueBookingMessages } from '../../functions/notifications/booking-messages.ts';
import { hashSecret } from '../../functions/platform/secrets.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type SmsReceiver, startSmsReceiver } from '../helpers/sms-receiver.ts';
import { outboxRows, seedBooking, seedStaff } from './outbox-fixtures.ts';

const TOKEN = 'internal-test-token-0123456789';
const START = new Date('2026-12-03T09:00:00Z'); // Thursday 10:00 in Berlin
const BOOKED_AT = new Date('2026-11-30T12:00:00Z');

let tdb: TestDatabase;
let receiver: SmsReceiver;
let clock: TestClock;
let t: TestApp;
let counsellorId: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  receiver = await startSmsReceiver();
  clock = new TestClock(BOOKED_AT);
  t = createTestApp(tdb, {
    clock,
    env: {
      SMS_GATEWAY_URL: receiver.url,
      SMS_GATEWAY_TOKEN: 'gateway-secret',
      INTERNAL_TOKEN: TOKEN,
      REMINDER_OFFSETS_MINUTES: '1440,60',
    },
  });
  counsellorId = (await seedStaff(tdb.db)).counsellorId as string;
});

afterAll(async () => {
  await receiver?.close();
  await tdb?.close();
});

beforeEach(async () => {
  await tdb.db.deleteFrom('outbox_messages').execute();
  receiver.requests.length = 0;
  receiver.answer(200);
  clock.set(BOOKED_AT);
});

let slot = 0;
async function book(options: { language?: 'de' | 'en'; smsOptOut?: boolean } = {}) {
  const start = new Date(START.getTime() + slot++ * 7 * 24 * 3_600_000);
  const b = await seedBooking(tdb.db, { counsellorId, start, ...options });
  const joinUrl = `${t.config.PUBLIC_BASE_URL}/j/${b.code}`;
  const event: BookingEvent = {
    type: 'booked',
    booking: {
      id: b.id,
      start: b.start,
      end: b.end,
      phone: '+4915112345678',
      language: options.language ?? 'de',
      smsOptOut: options.smsOptOut ?? false,
      serviceName: 'Arbeitslosengeld',
      timeZone: 'Europe/Berlin',
    },
    joinUrl,
    manageUrl: `${t.config.PUBLIC_BASE_URL}/m/TWFuYWdlVG9rZW5fMTIzNDU2Nzg5MA`,
    reminderOffsetsMinutes: t.config.REMINDER_OFFSETS_MINUTES,
    now: clock.now(),
  };
  await tdb.db.transaction().execute((trx) => queueBookingMessages(trx, event));
  return { ...b, event, joinUrl };
}

async function tick() {
  const res = await t.request('/internal/tick', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    messages: { sent: number; retrying: number; dead: number; skipped: number };
  };
}

describe('booking messages through the outbox', () => {
  it('delivers exactly one confirmation to the E.164 number with a join link whose code matches the booking', async () => {
    const b = await book();
    const first = await tick();
    expect(first.messages.sent).toBe(1);
    await tick();
    expect(receiver.requests).toHaveLength(1);
    const sms = receiver.requests[0];
    expect(sms?.to).toBe('+4915112345678');
    expect(sms?.authorization).toBe('Bearer gateway-secret');
    expect(sms?.text).toContain('Do 03.12. um 10:00 Uhr');
    const link = sms?.text.split('\n').find((l) => l.includes('/j/'));
    expect(link).toBe(b.joinUrl);
    const code = new URL(link as string).pathname.split('/')[2] as string;
    const row = await tdb.db
      .selectFrom('bookings')
      .select('join_code_hash')
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(row.join_code_hash).equals(Buffer.from(await hashSecret(code)))).toBe(true);
    const [msg] = await outboxRows(tdb.db, b.id);
    expect(sms?.id).toBe(msg?.id);
    expect(msg?.status).toBe('sent');
    // Once sent, the stored text no longer holds the join code.
    expect(msg?.body).not.toContain(code);
  });

  it('sends the reminders at the configured times (24 h and 1 h before) and not earlier', async () => {
    const b = await book({ language: 'en' });
    await tick();
    expect(receiver.requests.map((r) => r.text.split(' ')[0])).toEqual(['Your']);
    clock.set(new Date(b.start.getTime() - 1440 * 60_000 - 60_000));
    await tick();
    expect(receiver.requests).toHaveLength(1);
    clock.set(new Date(b.start.getTime() - 1440 * 60_000));
    await tick();
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]?.text).toMatch(/^Reminder: your video appointment/);
    clock.set(new Date(b.start.getTime() - 61 * 60_000));
    await tick();
    expect(receiver.requests).toHaveLength(2);
    clock.set(new Date(b.start.getTime() - 60 * 60_000));
    await tick();
    expect(receiver.requests).toHaveLength(3);
    expect(receiver.requests[2]?.text).toContain(b.joinUrl);
    clock.set(b.end);
    await tick();
    expect(receiver.requests).toHaveLength(3);
    expect(new Set(receiver.requests.map((r) => r.id)).size).toBe(3);
  });

  it('writes nothing when the booking transaction rolls back', async () => {
    await expect(
      tdb.db.transaction().execute(async (trx) => {
        const b = await seedBooking(trx, { counsellorId, start: new Date('2027-03-01T09:00:00Z') });
        await queueBookingMessages(trx, {
          type: 'booked',
          booking: {
            id: b.id,
            start: b.start,
            end: b.end,
            phone: '+4915112345678',
            language: 'de',
            smsOptOut: false,
            serviceName: 'Arbeitslosengeld',
            timeZone: 'Europe/Berlin',
          },
          joinUrl: 'http://localhost:8787/j/x',
          manageUrl: 'http://localhost:8787/m/y',
          reminderOffsetsMinutes: [1440, 60],
          now: clock.now(),
        });
        throw new Error('booking failed after queueing');
      }),
    ).rejects.toThrow('booking failed');
    expect(await outboxRows(tdb.db)).toHaveLength(0);
  });

  it('on cancellation withdraws the waiting reminders and sends one cancellation message', async () => {
    const b = await book();
    await tick();
    clock.set(new Date(b.start.getTime() - 2 * 24 * 3_600_000));
    await tdb.db.transaction().execute(async (trx) => {
      await trx.updateTable('bookings').set({ status: 'cancelled' }).where('id', '=', b.id).execute();
      await queueBookingMessages(trx, { type: 'cancelled', booking: b.event.booking, now: clock.now() });
      await queueBookingMessages(trx, { type: 'cancelled', booking: b.event.booking, now: clock.now() });
    });
    await tick();
    clock.set(b.start);
    await tick();
    expect(receiver.requests.map((r) => r.text)).toEqual([
      expect.stringContaining('ist bestätigt'),
      expect.stringMatching(
        /^Ihr Videotermin \(Arbeitslosengeld\) am Do \d\d\.12\. um 10:00 Uhr wurde abgesagt\.$/,
      ),
    ]);
    const rows = await outboxRows(tdb.db, b.id);
    expect(rows.filter((r) => r.kind === 'reminder').map((r) => [r.status, r.body])).toEqual([
      ['cancelled', null],
      ['cancelled', null],
    ]);
  });

  it('never messages a booking that opted out, even when the opt-out came after queueing', async () => {
    await book({ smsOptOut: true });
    expect(await outboxRows(tdb.db)).toHaveLength(0);
    const b = await book();
    await tdb.db.updateTable('bookings').set({ sms_opt_out: true }).where('id', '=', b.id).execute();
    const result = await tick();
    expect(result.messages.skipped).toBe(1);
    expect(receiver.requests).toHaveLength(0);
    const [row] = await outboxRows(tdb.db, b.id);
    expect(row?.status).toBe('cancelled');
    expect(row?.last_error).toBe('opted_out');
  });
});
