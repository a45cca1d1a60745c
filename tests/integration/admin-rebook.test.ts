// Operators move appointments flagged for rebooking to a new time: atomic like the citizen's reschedule.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../../functions/platform/secrets.ts';
import { hashPassword } from '../../functions/staff/password.ts';
import { createTestApp, openedBody, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { countBookingRows, seedScheduling } from '../helpers/scheduling.ts';

const PASSWORD = 'operator-password';
let tdb: TestDatabase;
let t: TestApp;
let operatorId: string;
let operator: Record<string, string>;
let counsellor: Record<string, string>;
const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));

async function login(email: string): Promise<Record<string, string>> {
  const res = await t.request('/api/auth/login', { method: 'POST', json: { email, password: PASSWORD } });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string, 'x-csrf-token': csrfToken };
}

async function book(start: string): Promise<{ id: string; token: string; counsellorId: string }> {
  const res = await t.request('/api/bookings', {
    method: 'POST',
    json: { service: 'arbeitslosengeld', start, phone: '+4915123456789', consent: true, language: 'de' },
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { booking: { id: string }; manageUrl: string };
  const row = await tdb.db
    .selectFrom('bookings')
    .select('counsellor_id')
    .where('id', '=', body.booking.id)
    .executeTakeFirstOrThrow();
  return {
    id: body.booking.id,
    token: body.manageUrl.split('/m/')[1] as string,
    counsellorId: row.counsellor_id,
  };
}

/** Books at `start` and flags it the way the product does: the operator enters the counsellor's absence. */
async function flaggedBooking(start: string) {
  const b = await book(start);
  const day = start.slice(0, 10);
  const res = await t.request(`/api/admin/counsellors/${b.counsellorId}/absences`, {
    method: 'POST',
    headers: operator,
    json: { start: `${day}T00:00:00+01:00`, end: `${day}T23:55:00+01:00`, reason: 'krank' },
  });
  expect(res.status).toBe(201);
  return b;
}

function reschedule(id: string, json: unknown, headers = operator) {
  return t.request(`/api/admin/bookings/${id}/reschedule`, { method: 'POST', headers, json });
}

async function rebookingIds(): Promise<string[]> {
  const res = await t.request('/api/admin/rebooking-needed', { headers: operator });
  return ((await res.json()) as { bookings: { id: string }[] }).bookings.map((b) => b.id);
}

async function bucketUse(): Promise<Record<string, number>> {
  const rows = await tdb.db
    .selectFrom('capacity_buckets')
    .select(['start_at', 'scheduled_used'])
    .orderBy('start_at')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.start_at.toISOString().slice(5, 16), r.scheduled_used]));
}

async function snapshot() {
  const bookings = await tdb.db
    .selectFrom('bookings')
    .select(['id', 'status', 'start_at', 'needs_rebooking', 'join_code_hash'])
    .orderBy('id')
    .execute();
  return { rows: await countBookingRows(tdb.db), bookings, buckets: await bucketUse() };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock, env: { RATE_LIMITS: 'off' } });
  const passwordHash = await hashPassword(PASSWORD, 1000);
  await seedScheduling(tdb.db, {
    counsellors: 2,
    capacity: 8,
    slotStepMinutes: 15,
    passwordHash,
    emailPrefix: 'reb',
  });
  operatorId = (
    await tdb.db
      .insertInto('staff_users')
      .values({
        email: 'ops@example.org',
        display_name: 'Ops',
        password_hash: passwordHash,
        role: 'operator',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  operator = await login('ops@example.org');
  counsellor = await login('reb-0@example.org');
});
beforeEach(async () => {
  await tdb.db.deleteFrom('outbox_messages').execute();
  await tdb.db.deleteFrom('audit_log').execute();
  await tdb.db.deleteFrom('absences').execute();
  await tdb.db.updateTable('bookings').set({ rescheduled_from: null }).execute();
  await tdb.db.deleteFrom('bookings').execute();
  await tdb.db.deleteFrom('capacity_buckets').execute();
  t.deps.calendarChanged('all');
});
afterAll(async () => {
  await tdb.close();
});

describe('operator rebooking', () => {
  it('moves a flagged booking: new time, flag cleared, capacity moved, SMS with the new join link, audit', async () => {
    const b = await flaggedBooking('2026-12-03T10:00:00+01:00');
    expect(await rebookingIds()).toEqual([b.id]);
    const res = await reschedule(b.id, { start: '2026-12-04T11:00:00+01:00' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      booking: { id: string; start: string; end: string; status: string };
    };
    expect(body.booking).toMatchObject({
      start: '2026-12-04T11:00:00+01:00',
      end: '2026-12-04T11:30:00+01:00',
      status: 'confirmed',
    });
    expect(body).not.toHaveProperty('joinUrl');

    const old = await tdb.db
      .selectFrom('bookings')
      .selectAll()
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    const moved = await tdb.db
      .selectFrom('bookings')
      .selectAll()
      .where('id', '=', body.booking.id)
      .executeTakeFirstOrThrow();
    expect([old.status, old.cancelled_by, old.manage_token_hash]).toEqual(['cancelled', 'staff', null]);
    expect(moved.rescheduled_from).toBe(b.id);
    expect(moved.needs_rebooking).toBe(false);
    expect(moved.needs_rebooking_reason).toBeNull();
    expect(await rebookingIds()).toEqual([]);

    const buckets = await bucketUse();
    for (const m of ['00', '05', '10', '15', '20', '25']) {
      expect(buckets[`12-03T09:${m}`]).toBe(0);
      expect(buckets[`12-04T10:${m}`]).toBe(1);
    }
    expect(Object.values(buckets).reduce((a, n) => a + n, 0)).toBe(6);

    const sms = await tdb.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('kind', '=', 'rescheduled')
      .execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]?.booking_id).toBe(moved.id);
    expect(sms[0]?.recipient).toBe('+4915123456789');
    expect(sms[0]?.body).toContain('04.12. um 11:00 Uhr');
    const code = /\/j\/([A-Za-z0-9_-]+)/.exec(await openedBody(sms[0]?.body))?.[1] ?? '';
    expect(Buffer.from(await hashSecret(code))).toEqual(Buffer.from(moved.join_code_hash));
    const oldPending = await tdb.db
      .selectFrom('outbox_messages')
      .select('kind')
      .where('booking_id', '=', b.id)
      .where('status', '=', 'pending')
      .execute();
    expect(oldPending).toEqual([]);

    const audit = await tdb.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'booking.rescheduled')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_type: 'staff', actor_id: operatorId, entity_id: moved.id });
    expect(audit[0]?.detail).toMatchObject({ from: b.id, start: '2026-12-04T10:00:00.000Z' });

    // The citizen's manage link keeps working and now shows the new time.
    const view = await t.request(`/api/bookings/manage/${b.token}`);
    expect(((await view.json()) as { booking: { id: string } }).booking.id).toBe(moved.id);
  });

  it('keeps the time and gives the appointment to a counsellor who is not absent', async () => {
    const b = await flaggedBooking('2026-12-03T10:00:00+01:00');
    const res = await reschedule(b.id, { start: '2026-12-03T10:00:00+01:00' });
    expect(res.status).toBe(200);
    const id = ((await res.json()) as { booking: { id: string } }).booking.id;
    const moved = await tdb.db
      .selectFrom('bookings')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(moved.counsellor_id).not.toBe(b.counsellorId);
    expect(Object.values(await bucketUse()).reduce((a, n) => a + n, 0)).toBe(6);
  });

  it('answers 409 slot_unavailable when the new time is taken and changes nothing', async () => {
    const b = await flaggedBooking('2026-12-03T10:00:00+01:00');
    await book('2026-12-04T11:00:00+01:00');
    await book('2026-12-04T11:00:00+01:00');
    const before = await snapshot();
    const res = await reschedule(b.id, { start: '2026-12-04T11:00:00+01:00' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('slot_unavailable');
    expect(await snapshot()).toEqual(before);
    expect(await rebookingIds()).toEqual([b.id]);
  });

  it('answers 409 slot_unavailable when the video capacity is used up and changes nothing', async () => {
    const b = await flaggedBooking('2026-12-03T10:00:00+01:00');
    await tdb.db.updateTable('capacity_settings').set({ max_concurrent_sessions: 0 }).execute();
    try {
      const before = await snapshot();
      const res = await reschedule(b.id, { start: '2026-12-04T14:00:00+01:00' });
      expect(res.status).toBe(409);
      expect(await snapshot()).toEqual(before);
    } finally {
      await tdb.db.updateTable('capacity_settings').set({ max_concurrent_sessions: 8 }).execute();
    }
  });

  it('is for operators: a counsellor gets 403, no login 401, no CSRF header 403, nothing changed', async () => {
    const b = await flaggedBooking('2026-12-03T10:00:00+01:00');
    const before = await snapshot();
    const json = { start: '2026-12-04T11:00:00+01:00' };
    expect((await reschedule(b.id, json, counsellor)).status).toBe(403);
    expect((await reschedule(b.id, json, {})).status).toBe(401);
    const noCsrf = await reschedule(b.id, json, { cookie: operator.cookie as string });
    expect(noCsrf.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  const START = { start: '2026-12-04T11:00:00+01:00' };
  const UNKNOWN = '00000000-0000-4000-8000-000000000000';
  it.each<[string, number, string, string | null, unknown]>([
    ['a missing start', 422, 'validation_failed', null, {}],
    ['a start that is no instant', 422, 'validation_failed', null, { start: 'tomorrow' }],
    ['a start off the grid', 400, 'slot_invalid', null, { start: '2026-12-04T11:07:00+01:00' }],
    ['a start in the past', 400, 'slot_invalid', null, { start: '2026-11-04T11:00:00+01:00' }],
    ['an id that is no id (the same answer as an unknown one)', 404, 'not_found', 'x', START],
    ['an unknown booking', 404, 'not_found', UNKNOWN, START],
  ])('rejects %s (%i %s) and changes nothing', async (_n, status, code, id, json) => {
    const b = await flaggedBooking('2026-12-03T10:00:00+01:00');
    const before = await snapshot();
    const res = await reschedule(id ?? b.id, json);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe(code);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to move a cancelled or started appointment (409 conflict)', async () => {
    const b = await flaggedBooking('2026-12-03T10:00:00+01:00');
    const cancel = await t.request(`/api/admin/bookings/${b.id}/cancel`, {
      method: 'POST',
      headers: operator,
      json: {},
    });
    expect(cancel.status).toBe(200);
    const res = await reschedule(b.id, { start: '2026-12-04T11:00:00+01:00' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('conflict');
    const started = await book('2026-12-03T14:00:00+01:00');
    clock.set('2026-12-03T13:05:00Z');
    try {
      // Staff sessions last hours, not days: log in again at the later time.
      const later = await login('ops@example.org');
      expect((await reschedule(started.id, { start: '2026-12-04T11:00:00+01:00' }, later)).status).toBe(409);
    } finally {
      clock.set('2026-12-01T08:00:00Z');
    }
  });
});
