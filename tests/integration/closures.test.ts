// Public holidays and closing days: no slots on them, no booking on them, and a new closing day flags bookings.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlotCalendar as SlotsBody } from '../../contract/slots.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { countBookingRows, type SchedulingSeed, seedScheduling } from '../helpers/scheduling.ts';
import { createStaff, login, type Session } from '../helpers/staff-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;
let seed: SchedulingSeed;
let operator: Session;
const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));

async function freeCounts(from: string, to: string): Promise<Record<string, number>> {
  const res = await t.request(`/api/slots?service=arbeitslosengeld&from=${from}&to=${to}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as SlotsBody;
  return Object.fromEntries(body.days.map((d) => [d.date, d.freeCount]));
}

function book(start: string) {
  return t.request('/api/bookings', {
    method: 'POST',
    json: { service: 'arbeitslosengeld', start, phone: '+4915123456789', consent: true },
  });
}

function addClosingDay(json: unknown) {
  return t.request('/api/admin/closing-days', { method: 'POST', headers: operator.headers(true), json });
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock, env: { DEFAULT_FEDERAL_STATE: 'BY' } });
  seed = await seedScheduling(tdb.db, { counsellors: 2, capacity: 8, slotStepMinutes: 30 });
  await createStaff(tdb.db, { email: 'op@example.org', role: 'operator', counsels: false });
  operator = await login(t, 'op@example.org');
});
afterAll(async () => {
  await tdb.close();
});

describe('public holidays', () => {
  it('offers no slots on 25 and 26 December (nationwide) while the weekdays around them are open', async () => {
    const counts = await freeCounts('2026-12-21', '2026-12-28');
    expect(counts['2026-12-23']).toBe(16);
    expect(counts['2026-12-24']).toBe(16);
    expect(counts['2026-12-25']).toBe(0);
    expect(counts['2026-12-28']).toBe(16);
  });

  it('follows the state: 6 January is a holiday in Bavaria (the default state), not at a Berlin site', async () => {
    expect((await freeCounts('2027-01-05', '2027-01-06'))['2027-01-06']).toBe(0);
    const site = await t.request('/api/admin/sites', {
      method: 'POST',
      headers: operator.headers(true),
      json: { name: 'Berlin-Mitte', federalState: 'BE' },
    });
    expect(site.status).toBe(201);
    const { site: created } = (await site.json()) as { site: { id: string; federalState: string } };
    expect(created.federalState).toBe('BE');
    await tdb.db
      .updateTable('counsellors')
      .set({ site_id: created.id })
      .where('id', '=', seed.counsellorIds[0]!)
      .execute();
    t.deps.calendarChanged('all');
    expect((await freeCounts('2027-01-05', '2027-01-06'))['2027-01-06']).toBe(16);
    await tdb.db.updateTable('counsellors').set({ site_id: null }).execute();
  });

  it('refuses a booking on a holiday with slot_unavailable and writes nothing', async () => {
    const before = await countBookingRows(tdb.db);
    const res = await book('2026-12-25T10:00:00+01:00');
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('slot_unavailable');
    expect(await countBookingRows(tdb.db)).toEqual(before);
  });
});

describe('closing days', () => {
  it("a new agency closing day removes the day's slots and flags its bookings without dropping them", async () => {
    const booked = await book('2026-12-31T10:00:00+01:00');
    expect(booked.status).toBe(201);
    const { booking } = (await booked.json()) as { booking: { id: string } };
    const res = await addClosingDay({ date: '2026-12-31', reason: 'Silvester' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { flaggedBookings: number }).flaggedBookings).toBe(1);
    const row = await tdb.db
      .selectFrom('bookings')
      .select(['status', 'needs_rebooking', 'needs_rebooking_reason'])
      .where('id', '=', booking.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'confirmed',
      needs_rebooking: true,
      needs_rebooking_reason: 'closing_day',
    });
    expect((await freeCounts('2026-12-30', '2026-12-31'))['2026-12-31']).toBe(0);
    expect((await freeCounts('2026-12-30', '2026-12-31'))['2026-12-30']).toBe(16);
  });

  it("a site closing day closes only that site's counsellors", async () => {
    const site = await t.request('/api/admin/sites', {
      method: 'POST',
      headers: operator.headers(true),
      json: { name: 'Nebenstelle' },
    });
    const { site: created } = (await site.json()) as { site: { id: string } };
    await tdb.db
      .updateTable('counsellors')
      .set({ site_id: created.id })
      .where('id', '=', seed.counsellorIds[0]!)
      .execute();
    const res = await addClosingDay({ date: '2026-12-29', siteId: created.id, reason: 'Umzug' });
    expect(res.status).toBe(201);
    // One of two counsellors left: every slot still exists (each has a free counsellor) ...
    expect((await freeCounts('2026-12-29', '2026-12-29'))['2026-12-29']).toBe(16);
    // ... but the database refuses a booking of the closed site's counsellor that day.
    const err = await tdb.db
      .insertInto('bookings')
      .values({
        service_id: seed.serviceId,
        counsellor_id: seed.counsellorIds[0]!,
        start_at: new Date('2026-12-29T10:00:00+01:00'),
        end_at: new Date('2026-12-29T10:30:00+01:00'),
        blocked: '["2026-12-29 09:00:00+00","2026-12-29 09:30:00+00")',
        join_code_hash: new Uint8Array([1, 2, 3]),
        room_name: 'closing-day-guard',
      })
      .execute()
      .catch((e: unknown) => e);
    expect((err as { constraint?: string }).constraint).toBe('bookings_closing_day');
    // Both booked at 10:00 fill the open counsellor only.
    expect((await book('2026-12-29T10:00:00+01:00')).status).toBe(201);
    expect((await book('2026-12-29T10:00:00+01:00')).status).toBe(409);
    await tdb.db.updateTable('counsellors').set({ site_id: null }).execute();
  });

  it('lists closing days and the public holidays in force, and deletes a closing day', async () => {
    const res = await t.request('/api/admin/closing-days', { headers: operator.headers() });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      closingDays: { id: string; date: string; siteName: string | null; reason: string }[];
      holidays: { federalState: string | null; default: boolean; holidays: { date: string }[] }[];
    };
    expect(body.closingDays.map((d) => [d.date, d.siteName, d.reason])).toEqual([
      ['2026-12-29', 'Nebenstelle', 'Umzug'],
      ['2026-12-31', null, 'Silvester'],
    ]);
    const bavaria = body.holidays.find((r) => r.default);
    expect(bavaria?.federalState).toBe('BY');
    expect(bavaria?.holidays.map((h) => h.date)).toContain('2026-12-25');
    const del = await t.request(`/api/admin/closing-days/${body.closingDays[0]!.id}`, {
      method: 'DELETE',
      headers: operator.headers(true),
    });
    expect(del.status).toBe(200);
  });

  it.each([
    ['a past date', { date: '2026-11-30' }, 422],
    ['an impossible date', { date: '2026-02-30' }, 422],
    ['an unknown site', { date: '2026-12-30', siteId: '00000000-0000-4000-8000-000000000000' }, 422],
    ['a too long reason', { date: '2026-12-30', reason: 'x'.repeat(201) }, 422],
  ])('rejects %s with a problem and changes nothing', async (_name, json, status) => {
    const before = await tdb.db
      .selectFrom('closing_days')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await addClosingDay(json);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const after = await tdb.db
      .selectFrom('closing_days')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it('answers 409 for the same day twice and 403 to a counsellor', async () => {
    expect((await addClosingDay({ date: '2026-12-31' })).status).toBe(409);
    await createStaff(tdb.db, { email: 'berater@example.org' });
    const counsellor = await login(t, 'berater@example.org');
    const res = await t.request('/api/admin/closing-days', {
      method: 'POST',
      headers: counsellor.headers(true),
      json: { date: '2027-01-02' },
    });
    expect(res.status).toBe(403);
  });
});
