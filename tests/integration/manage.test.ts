import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BookingCreated as Created } from '../../contract/bookings.ts';
import { hashSecret } from '../../functions/platform/secrets.ts';
import { createTestApp, openedBody, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { countBookingRows, seedScheduling } from '../helpers/scheduling.ts';

let tdb: TestDatabase;
let t: TestApp;
const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock, env: { RATE_LIMITS: 'off' } });
  await seedScheduling(tdb.db, { counsellors: 1, capacity: 8, slotStepMinutes: 15 });
});
beforeEach(async () => {
  await tdb.db.deleteFrom('outbox_messages').execute();
  await tdb.db.deleteFrom('audit_log').execute();
  await tdb.db.updateTable('bookings').set({ rescheduled_from: null }).execute();
  await tdb.db.deleteFrom('bookings').execute();
  await tdb.db.deleteFrom('capacity_buckets').execute();
  t.deps.calendarChanged('all');
});
afterAll(async () => {
  await tdb.close();
});

async function book(start: string): Promise<Created & { token: string; code: string }> {
  const res = await t.request('/api/bookings', {
    method: 'POST',
    json: { service: 'arbeitslosengeld', start, phone: '+4915123456789', consent: true, language: 'en' },
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as Created;
  return {
    ...body,
    token: body.manageUrl.split('/m/')[1] as string,
    code: body.joinUrl.split('/j/')[1] as string,
  };
}

async function usedBuckets(): Promise<[string, number][]> {
  const rows = await tdb.db
    .selectFrom('capacity_buckets')
    .select(['start_at', 'scheduled_used'])
    .where('scheduled_used', '>', 0)
    .orderBy('start_at')
    .execute();
  return rows.map((r) => [r.start_at.toISOString().slice(11, 16), r.scheduled_used]);
}

describe('manage link', () => {
  it('shows the booking with its service name and without the counsellor', async () => {
    const b = await book('2026-12-03T10:00:00+01:00');
    const res = await t.request(`/api/bookings/manage/${b.token}`, { headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { booking: Record<string, unknown> };
    expect(body.booking).toEqual({
      id: b.booking.id,
      service: 'arbeitslosengeld',
      serviceName: 'Unemployment benefit',
      start: '2026-12-03T10:00:00+01:00',
      end: '2026-12-03T10:30:00+01:00',
      status: 'confirmed',
      needsRebooking: false,
    });
  });

  it('answers 404 for an unknown or malformed token', async () => {
    for (const token of ['AAAAAAAAAAAAAAAAAAAAAAAA', 'x', '..%2F..']) {
      const res = await t.request(`/api/bookings/manage/${token}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('not_found');
    }
  });

  it('serves an .ics file that parses back to the appointment', async () => {
    const b = await book('2026-12-03T10:00:00+01:00');
    const res = await t.request(`/api/bookings/manage/${b.token}/ics`, {
      headers: { 'accept-language': 'de' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const comp = new ICAL.Component(ICAL.parse(await res.text()));
    const event = new ICAL.Event(comp.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-03T09:30:00.000Z');
    expect(event.summary).toBe('Videotermin: Arbeitslosengeld');
    expect(event.uid).toBe(`${b.booking.id}@localhost`);
    // No manage link in a file that calendars sync to other servers.
    expect(event.description).not.toContain(b.manageUrl.split('/m/')[1]);
    expect(event.description).toContain('SMS');
  });

  it('cancels: status, capacity released, reminders withdrawn, cancellation SMS queued; twice is harmless', async () => {
    const b = await book('2026-12-03T10:00:00+01:00');
    expect(await usedBuckets()).toHaveLength(6);
    const res = await t.request(`/api/bookings/manage/${b.token}`, { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Created).booking.status).toBe('cancelled');
    expect(await usedBuckets()).toEqual([]);
    const messages = await tdb.db
      .selectFrom('outbox_messages')
      .select(['kind', 'status'])
      .orderBy('created_at')
      .orderBy('kind')
      .execute();
    expect(messages).toEqual(
      expect.arrayContaining([
        { kind: 'confirmation', status: 'cancelled' },
        { kind: 'reminder', status: 'cancelled' },
        { kind: 'cancellation', status: 'pending' },
      ]),
    );
    const again = await t.request(`/api/bookings/manage/${b.token}`, { method: 'DELETE' });
    expect(again.status).toBe(200);
    const slots = await t.request('/api/slots?service=arbeitslosengeld&from=2026-12-03&to=2026-12-03');
    const body = (await slots.json()) as { days: { slots: { start: string }[] }[] };
    expect(body.days[0]?.slots.map((s) => s.start)).toContain('2026-12-03T10:00:00+01:00');
  });

  it('reschedules atomically: new code, same manage link, old booking cancelled, SMS with the new link', async () => {
    const b = await book('2026-12-03T10:00:00+01:00');
    // Overlaps the old time with the only counsellor: possible because the old time is released in the same transaction.
    const res = await t.request(`/api/bookings/manage/${b.token}/reschedule`, {
      method: 'POST',
      json: { start: '2026-12-03T10:15:00+01:00' },
    });
    expect(res.status).toBe(200);
    const moved = (await res.json()) as Created;
    expect(moved.booking.start).toBe('2026-12-03T10:15:00+01:00');
    expect(moved.manageUrl).toBe(b.manageUrl);
    expect(moved.joinUrl).not.toBe(b.joinUrl);
    const rows = await tdb.db.selectFrom('bookings').selectAll().orderBy('created_at').execute();
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'confirmed']);
    expect(rows[1]?.rescheduled_from).toBe(rows[0]?.id);
    const newCode = moved.joinUrl.split('/j/')[1] as string;
    expect(Buffer.from(rows[1]?.join_code_hash as Uint8Array)).toEqual(
      Buffer.from(await hashSecret(newCode)),
    );
    expect(await usedBuckets()).toEqual([
      ['09:15', 1],
      ['09:20', 1],
      ['09:25', 1],
      ['09:30', 1],
      ['09:35', 1],
      ['09:40', 1],
    ]);
    const sms = await tdb.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('kind', '=', 'rescheduled')
      .executeTakeFirstOrThrow();
    expect(sms.body).not.toContain(moved.joinUrl);
    expect(await openedBody(sms.body)).toContain(moved.joinUrl);
    expect(sms.booking_id).toBe(moved.booking.id);
    const oldReminders = await tdb.db
      .selectFrom('outbox_messages')
      .select('status')
      .where('booking_id', '=', b.booking.id)
      .where('kind', '=', 'reminder')
      .execute();
    expect(oldReminders.every((m) => m.status === 'cancelled')).toBe(true);
    const view = await t.request(`/api/bookings/manage/${b.token}`);
    expect(((await view.json()) as Created).booking.id).toBe(moved.booking.id);
  });

  it('keeps the old booking untouched when the new time is taken', async () => {
    const b = await book('2026-12-03T10:00:00+01:00');
    await book('2026-12-03T12:00:00+01:00');
    const before = await countBookingRows(tdb.db);
    const bucketsBefore = await usedBuckets();
    const res = await t.request(`/api/bookings/manage/${b.token}/reschedule`, {
      method: 'POST',
      json: { start: '2026-12-03T12:00:00+01:00' },
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('slot_unavailable');
    expect(await countBookingRows(tdb.db)).toEqual(before);
    expect(await usedBuckets()).toEqual(bucketsBefore);
    const row = await tdb.db
      .selectFrom('bookings')
      .selectAll()
      .where('id', '=', b.booking.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
  });

  it('keeps the old booking when the database refuses the new time for capacity', async () => {
    const b = await book('2026-12-03T10:00:00+01:00');
    await tdb.db.updateTable('capacity_settings').set({ max_concurrent_sessions: 0 }).execute();
    try {
      const res = await t.request(`/api/bookings/manage/${b.token}/reschedule`, {
        method: 'POST',
        json: { start: '2026-12-03T14:00:00+01:00' },
      });
      expect(res.status).toBe(409);
      const row = await tdb.db
        .selectFrom('bookings')
        .selectAll()
        .where('id', '=', b.booking.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('confirmed');
      expect(await tdb.db.selectFrom('bookings').select('id').execute()).toHaveLength(1);
    } finally {
      await tdb.db.updateTable('capacity_settings').set({ max_concurrent_sessions: 8 }).execute();
    }
  });

  it.each<[string, unknown, number, string]>([
    ['a missing start', {}, 422, 'validation_failed'],
    ['a start off the grid', { start: '2026-12-03T10:07:00+01:00' }, 400, 'slot_invalid'],
    ['a start in the past', { start: '2026-11-03T10:00:00+01:00' }, 400, 'slot_invalid'],
  ])('rejects a reschedule with %s (%i %s) and changes nothing', async (_n, body, status, code) => {
    const b = await book('2026-12-03T10:00:00+01:00');
    const before = await countBookingRows(tdb.db);
    const res = await t.request(`/api/bookings/manage/${b.token}/reschedule`, { method: 'POST', json: body });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { code: string }).code).toBe(code);
    expect(await countBookingRows(tdb.db)).toEqual(before);
  });

  it('refuses to cancel or move an appointment that has started', async () => {
    const b = await book('2026-12-03T10:00:00+01:00');
    clock.set('2026-12-03T09:05:00Z');
    try {
      const del = await t.request(`/api/bookings/manage/${b.token}`, { method: 'DELETE' });
      expect(del.status).toBe(409);
      const move = await t.request(`/api/bookings/manage/${b.token}/reschedule`, {
        method: 'POST',
        json: { start: '2026-12-04T10:00:00+01:00' },
      });
      expect(move.status).toBe(409);
    } finally {
      clock.set('2026-12-01T08:00:00Z');
    }
  });
});

describe('manage link guessing', () => {
  it('answers 429 with Retry-After once a client has asked too often in a minute', async () => {
    const limited = createTestApp(tdb, { clock, env: { RATE_LIMITS: 'on' } });
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    let last = 0;
    for (let i = 0; i < 61; i++) {
      last = (await limited.request(`/api/bookings/manage/${'A'.repeat(22)}${i}`, { headers })).status;
    }
    expect(last).toBe(429);
    const res = await limited.request(`/api/bookings/manage/${'B'.repeat(22)}`, { headers });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const other = await limited.request(`/api/bookings/manage/${'B'.repeat(22)}`, {
      headers: { 'x-forwarded-for': '203.0.113.10' },
    });
    expect(other.status).toBe(404);
  });
});
