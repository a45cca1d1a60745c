import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../functions/staff/password.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { countBookingRows, type SchedulingSeed, seedScheduling } from '../helpers/scheduling.ts';

const PASSWORD = 'operator-password';
let tdb: TestDatabase;
let t: TestApp;
let seed: SchedulingSeed;
let operator: Record<string, string>;
let counsellor: Record<string, string>;
const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));
const DAY = 'from=2026-12-03&to=2026-12-03';

async function login(email: string): Promise<Record<string, string>> {
  const res = await t.request('/api/auth/login', { method: 'POST', json: { email, password: PASSWORD } });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string, 'x-csrf-token': csrfToken };
}

async function starts(): Promise<string[]> {
  const res = await t.request(`/api/slots?service=arbeitslosengeld&${DAY}`);
  const body = (await res.json()) as { days: { slots: { start: string }[] }[] };
  return body.days[0]?.slots.map((s) => s.start.slice(11, 16)) ?? [];
}

async function book(start: string): Promise<string> {
  const res = await t.request('/api/bookings', {
    method: 'POST',
    json: { service: 'arbeitslosengeld', start, phone: '+4915123456789', consent: true },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { booking: { id: string } }).booking.id;
}

async function rebookingList(): Promise<{ id: string; reason: string }[]> {
  const res = await t.request('/api/admin/rebooking-needed', { headers: operator });
  expect(res.status).toBe(200);
  return ((await res.json()) as { bookings: { id: string; reason: string }[] }).bookings;
}

function put(path: string, json: unknown, headers = operator) {
  return t.request(path, { method: 'PUT', json, headers });
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock });
  const passwordHash = await hashPassword(PASSWORD, 1000);
  seed = await seedScheduling(tdb.db, {
    counsellors: 3,
    capacity: 8,
    slotStepMinutes: 30,
    passwordHash,
    emailPrefix: 'cap',
  });
  await tdb.db
    .insertInto('staff_users')
    .values({ email: 'ops@example.org', display_name: 'Ops', password_hash: passwordHash, role: 'operator' })
    .execute();
  operator = await login('ops@example.org');
  counsellor = await login('cap-0@example.org');
});
beforeEach(async () => {
  await tdb.db.deleteFrom('outbox_messages').execute();
  await tdb.db.updateTable('bookings').set({ rescheduled_from: null }).execute();
  await tdb.db.deleteFrom('bookings').execute();
  await tdb.db.deleteFrom('capacity_buckets').execute();
  await tdb.db.deleteFrom('maintenance_windows').execute();
  await tdb.db.deleteFrom('absences').execute();
  expect((await put('/api/admin/capacity', { maxConcurrentSessions: 8, adhocReserve: 0 })).status).toBe(200);
});
afterAll(async () => {
  await tdb.close();
});

describe('PUT /api/admin/capacity', () => {
  it('changes the slots the citizen sees', async () => {
    expect(await starts()).toHaveLength(16);
    await book('2026-12-03T10:00:00+01:00');
    await book('2026-12-03T10:00:00+01:00');
    expect(await starts()).toContain('10:00');
    const res = await put('/api/admin/capacity', { maxConcurrentSessions: 2 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      maxConcurrentSessions: 2,
      adhocReserve: 0,
      adhocDurationMinutes: 30,
      flaggedBookings: 0,
    });
    expect(await starts()).not.toContain('10:00');
    expect(await starts()).toHaveLength(15);
    expect((await put('/api/admin/capacity', { maxConcurrentSessions: 0 })).status).toBe(200);
    expect(await starts()).toEqual([]);
    expect((await put('/api/admin/capacity', { maxConcurrentSessions: 3, adhocReserve: 1 })).status).toBe(
      200,
    );
    expect(await starts()).not.toContain('10:00');
    const get = await t.request('/api/admin/capacity', { headers: operator });
    expect(await get.json()).toEqual({ maxConcurrentSessions: 3, adhocReserve: 1, adhocDurationMinutes: 30 });
  });

  it('flags, never cancels, bookings above a lowered capacity and lists them for the operator', async () => {
    const first = await book('2026-12-03T10:00:00+01:00');
    const second = await book('2026-12-03T10:00:00+01:00');
    const res = await put('/api/admin/capacity', { maxConcurrentSessions: 1 });
    expect(((await res.json()) as { flaggedBookings: number }).flaggedBookings).toBe(1);
    const rows = await tdb.db.selectFrom('bookings').select(['id', 'status', 'needs_rebooking']).execute();
    expect(rows.every((r) => r.status === 'confirmed')).toBe(true);
    expect(rows.find((r) => r.id === second)?.needs_rebooking).toBe(true);
    expect(rows.find((r) => r.id === first)?.needs_rebooking).toBe(false);
    const list = await rebookingList();
    expect(list.map((b) => [b.id, b.reason])).toEqual([[second, 'capacity_reduced']]);
  });

  it.each<[string, unknown, number]>([
    ['a negative maximum', { maxConcurrentSessions: -1 }, 422],
    ['a maximum that is no number', { maxConcurrentSessions: '8' }, 422],
    ['a fractional maximum', { maxConcurrentSessions: 2.5 }, 422],
    ['a reserve above the maximum', { maxConcurrentSessions: 2, adhocReserve: 3 }, 422],
    ['an ad-hoc duration off the grid', { maxConcurrentSessions: 2, adhocDurationMinutes: 7 }, 422],
    ['no body', undefined, 400],
  ])('rejects %s and changes nothing', async (_n, json, status) => {
    const res = await t.request('/api/admin/capacity', {
      method: 'PUT',
      headers: { ...operator, 'content-type': 'application/json' },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    expect(res.status).toBe(status);
    const get = await t.request('/api/admin/capacity', { headers: operator });
    expect(((await get.json()) as { maxConcurrentSessions: number }).maxConcurrentSessions).toBe(8);
  });

  it('is for operators only, with the CSRF token', async () => {
    expect(
      (await t.request('/api/admin/capacity', { method: 'PUT', json: { maxConcurrentSessions: 1 } })).status,
    ).toBe(401);
    expect((await put('/api/admin/capacity', { maxConcurrentSessions: 1 }, counsellor)).status).toBe(403);
    const noCsrf = await put(
      '/api/admin/capacity',
      { maxConcurrentSessions: 1 },
      { cookie: operator.cookie as string },
    );
    expect(noCsrf.status).toBe(403);
    expect(((await noCsrf.json()) as { code: string }).code).toBe('csrf_failed');
  });
});

describe('maintenance windows', () => {
  it('lower capacity for their period, flag what no longer fits, and give it back when deleted', async () => {
    const booked = await book('2026-12-03T12:00:00+01:00');
    const res = await t.request('/api/admin/maintenance-windows', {
      method: 'POST',
      headers: operator,
      json: {
        start: '2026-12-03T12:00:00+01:00',
        end: '2026-12-03T13:00:00+01:00',
        capacity: 0,
        note: 'Update',
      },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { maintenanceWindow: { id: string }; flaggedBookings: number };
    expect(body.flaggedBookings).toBe(1);
    expect(await starts()).toEqual([
      '08:00',
      '08:30',
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
    ]);
    expect((await rebookingList()).map((b) => [b.id, b.reason])).toEqual([[booked, 'maintenance_window']]);
    const list = await t.request('/api/admin/maintenance-windows', { headers: operator });
    expect(((await list.json()) as { maintenanceWindows: unknown[] }).maintenanceWindows).toEqual([
      {
        id: body.maintenanceWindow.id,
        start: '2026-12-03T12:00:00+01:00',
        end: '2026-12-03T13:00:00+01:00',
        capacity: 0,
        note: 'Update',
      },
    ]);
    const del = await t.request(`/api/admin/maintenance-windows/${body.maintenanceWindow.id}`, {
      method: 'DELETE',
      headers: operator,
    });
    expect(del.status).toBe(200);
    expect(await starts()).toContain('12:30');
    const bucket = await tdb.db
      .selectFrom('capacity_buckets')
      .select('capacity')
      .where('start_at', '=', new Date('2026-12-03T11:00:00Z'))
      .executeTakeFirstOrThrow();
    expect(bucket.capacity).toBe(8);
  });

  it('rejects an end before the start', async () => {
    const res = await t.request('/api/admin/maintenance-windows', {
      method: 'POST',
      headers: operator,
      json: { start: '2026-12-03T13:00:00+01:00', end: '2026-12-03T12:00:00+01:00', capacity: 0 },
    });
    expect(res.status).toBe(422);
    expect(await tdb.db.selectFrom('maintenance_windows').select('id').execute()).toEqual([]);
  });
});

describe('absences and weekly hours', () => {
  it('an absence entered by the operator flags the counsellor’s bookings in it and frees nobody else', async () => {
    await put('/api/admin/capacity', { maxConcurrentSessions: 8 });
    const ids = [await book('2026-12-03T09:00:00+01:00')];
    const row = await tdb.db
      .selectFrom('bookings')
      .select('counsellor_id')
      .where('id', '=', ids[0] as string)
      .executeTakeFirstOrThrow();
    const res = await t.request(`/api/admin/counsellors/${row.counsellor_id}/absences`, {
      method: 'POST',
      headers: operator,
      json: { start: '2026-12-03T00:00:00+01:00', end: '2026-12-04T00:00:00+01:00', reason: 'krank' },
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { flaggedBookings: number }).flaggedBookings).toBe(1);
    expect((await rebookingList()).map((b) => [b.id, b.reason])).toEqual([[ids[0], 'counsellor_absent']]);
    const booking = await tdb.db
      .selectFrom('bookings')
      .select('status')
      .where('id', '=', ids[0] as string)
      .executeTakeFirstOrThrow();
    expect(booking.status).toBe('confirmed');
  });

  it('a counsellor keeps their own absences', async () => {
    const created = await t.request('/api/staff/absences', {
      method: 'POST',
      headers: counsellor,
      json: { start: '2026-12-03T08:00:00+01:00', end: '2026-12-03T12:00:00+01:00' },
    });
    expect(created.status).toBe(201);
    const { absence } = (await created.json()) as { absence: { id: string } };
    const list = await t.request('/api/staff/absences', { headers: counsellor });
    expect(((await list.json()) as { absences: { id: string; start: string }[] }).absences).toEqual([
      { id: absence.id, start: '2026-12-03T08:00:00+01:00', end: '2026-12-03T12:00:00+01:00', reason: '' },
    ]);
    const del = await t.request(`/api/staff/absences/${absence.id}`, {
      method: 'DELETE',
      headers: counsellor,
    });
    expect(del.status).toBe(200);
    const again = await t.request(`/api/staff/absences/${absence.id}`, {
      method: 'DELETE',
      headers: counsellor,
    });
    expect(again.status).toBe(404);
  });

  it('weekly hours change the slots and flag bookings left outside them', async () => {
    // Only the first counsellor may work from now on; the other two get no hours.
    for (const id of seed.counsellorIds.slice(1)) {
      expect((await put(`/api/admin/counsellors/${id}/working-hours`, { hours: [] })).status).toBe(200);
    }
    const booked = await book('2026-12-03T15:00:00+01:00');
    const res = await put(
      '/api/staff/working-hours',
      { hours: [{ weekday: 4, start: '09:00', end: '12:00' }] },
      counsellor,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      hours: [{ weekday: 4, start: '09:00', end: '12:00' }],
      flaggedBookings: 1,
    });
    expect(await starts()).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    expect((await rebookingList()).map((b) => [b.id, b.reason])).toEqual([[booked, 'outside_working_hours']]);
    const overlap = await put(
      '/api/staff/working-hours',
      {
        hours: [
          { weekday: 4, start: '09:00', end: '12:00' },
          { weekday: 4, start: '11:00', end: '13:00' },
        ],
      },
      counsellor,
    );
    expect(overlap.status).toBe(422);
    for (const id of seed.counsellorIds) {
      await put(`/api/admin/counsellors/${id}/working-hours`, {
        hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '16:00' })),
      });
    }
  });
});

describe('POST /api/admin/bookings/:id/cancel', () => {
  it('cancels with a message to the citizen, releases capacity and leaves the rebooking list', async () => {
    await book('2026-12-03T10:00:00+01:00');
    const second = await book('2026-12-03T10:00:00+01:00');
    await put('/api/admin/capacity', { maxConcurrentSessions: 1 });
    expect((await rebookingList()).map((b) => b.id)).toEqual([second]);
    const res = await t.request(`/api/admin/bookings/${second}/cancel`, {
      method: 'POST',
      headers: operator,
      json: { message: 'Bitte buchen Sie einen neuen Termin.' },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { booking: { status: string } }).booking.status).toBe('cancelled');
    expect(await rebookingList()).toEqual([]);
    const sms = await tdb.db
      .selectFrom('outbox_messages')
      .select(['body', 'status'])
      .where('booking_id', '=', second)
      .where('kind', '=', 'cancellation')
      .execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]?.body).toContain('Bitte buchen Sie einen neuen Termin.');
    const used = await tdb.db
      .selectFrom('capacity_buckets')
      .select('scheduled_used')
      .where('start_at', '=', new Date('2026-12-03T09:00:00Z'))
      .executeTakeFirstOrThrow();
    expect(used.scheduled_used).toBe(1);
  });

  it('answers 404 for an unknown booking and changes nothing', async () => {
    const before = await countBookingRows(tdb.db);
    const res = await t.request('/api/admin/bookings/00000000-0000-4000-8000-000000000000/cancel', {
      method: 'POST',
      headers: operator,
      json: {},
    });
    expect(res.status).toBe(404);
    expect(await countBookingRows(tdb.db)).toEqual(before);
  });
});
