// Calendars: the citizen's .ics keeps one event across moves (SEQUENCE) and cancels it (METHOD:CANCEL); the counsellor's feed.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../functions/staff/password.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { seedScheduling } from '../helpers/scheduling.ts';
import { login, PASSWORD } from '../helpers/staff-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;

const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));
const PHONE = '+4915123456789';

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock, env: { RATE_LIMITS: 'off' } });
  await seedScheduling(tdb.db, {
    counsellors: 1,
    passwordHash: await hashPassword(PASSWORD),
    emailPrefix: 'feed',
  });
});
afterAll(async () => {
  await tdb.close();
});

async function book(start: string): Promise<{ id: string; token: string }> {
  const res = await t.request('/api/bookings', {
    method: 'POST',
    json: {
      service: 'arbeitslosengeld',
      start,
      phone: PHONE,
      name: 'Erika Mustermann',
      email: 'erika@example.org',
      customerNumber: 'K-4711',
      consent: true,
    },
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { booking: { id: string }; manageUrl: string };
  return { id: body.booking.id, token: body.manageUrl.split('/m/')[1] as string };
}

async function icsOf(token: string) {
  const res = await t.request(`/api/bookings/manage/${token}/ics`);
  expect(res.status).toBe(200);
  const comp = new ICAL.Component(ICAL.parse(await res.text()));
  const vevent = comp.getFirstSubcomponent('vevent') as ICAL.Component;
  const event = new ICAL.Event(vevent);
  return {
    method: comp.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    start: event.startDate.toJSDate().toISOString(),
  };
}

describe('the citizen .ics', () => {
  it('round-trips through ical.js: a move keeps the UID and raises SEQUENCE, a cancel is METHOD:CANCEL', async () => {
    const b = await book('2026-12-03T10:00:00+01:00');
    const first = await icsOf(b.token);
    expect(first).toEqual({
      method: 'PUBLISH',
      uid: `${b.id}@localhost`,
      sequence: 0,
      status: 'CONFIRMED',
      start: '2026-12-03T09:00:00.000Z',
    });

    for (const [i, start] of ['2026-12-04T11:00:00+01:00', '2026-12-07T09:00:00+01:00'].entries()) {
      const moved = await t.request(`/api/bookings/manage/${b.token}/reschedule`, {
        method: 'POST',
        json: { start },
      });
      expect(moved.status).toBe(200);
      const ics = await icsOf(b.token);
      expect(ics).toEqual({
        method: 'PUBLISH',
        uid: first.uid,
        sequence: i + 1,
        status: 'CONFIRMED',
        start: new Date(start).toISOString(),
      });
    }

    expect((await t.request(`/api/bookings/manage/${b.token}`, { method: 'DELETE' })).status).toBe(200);
    expect(await icsOf(b.token)).toEqual({
      method: 'CANCEL',
      uid: first.uid,
      sequence: 3,
      status: 'CANCELLED',
      start: '2026-12-07T08:00:00.000Z',
    });
  });
});

describe('the counsellor feed', () => {
  it("shows times and topic of the counsellor's appointments and nothing personal", async () => {
    const session = await login(t, 'feed-0@example.org');
    const created = await t.request('/api/staff/calendar-feed', {
      method: 'POST',
      headers: session.headers(true),
    });
    expect(created.status).toBe(201);
    const { url } = (await created.json()) as { url: string };
    expect(url).toMatch(/^http:\/\/localhost:8787\/api\/calendar-feed\/[A-Za-z0-9_-]{22}\.ics$/);
    const b = await book('2026-12-08T10:00:00+01:00');

    const res = await t.request(new URL(url).pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    const comp = new ICAL.Component(ICAL.parse(text));
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const mine = events.find((e) => e.uid === `${b.id}@localhost`);
    expect(mine?.summary).toBe('Videoberatung: Arbeitslosengeld');
    expect(mine?.startDate.toJSDate().toISOString()).toBe('2026-12-08T09:00:00.000Z');
    const booking = await tdb.db
      .selectFrom('bookings')
      .select(['room_name', 'id'])
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    for (const secret of [
      'Erika',
      'Mustermann',
      'erika@example.org',
      'K-4711',
      PHONE,
      '15123456789',
      b.token,
      booking.room_name,
    ]) {
      expect(text).not.toContain(secret);
    }
    for (const prop of ['DESCRIPTION', 'ATTENDEE', 'ORGANIZER', 'LOCATION', 'URL'])
      expect(text).not.toMatch(new RegExp(`^${prop}`, 'm'));
  });

  it('renewing replaces the URL, revoking ends it, and unknown or malformed tokens get 404', async () => {
    const session = await login(t, 'feed-0@example.org');
    const first = (await (
      await t.request('/api/staff/calendar-feed', { method: 'POST', headers: session.headers(true) })
    ).json()) as { url: string };
    const second = (await (
      await t.request('/api/staff/calendar-feed', { method: 'POST', headers: session.headers(true) })
    ).json()) as { url: string };
    expect((await t.request(new URL(first.url).pathname)).status).toBe(404);
    expect((await t.request(new URL(second.url).pathname)).status).toBe(200);
    const del = await t.request('/api/staff/calendar-feed', {
      method: 'DELETE',
      headers: session.headers(true),
    });
    expect(del.status).toBe(200);
    expect((await t.request(new URL(second.url).pathname)).status).toBe(404);
    expect((await t.request('/api/calendar-feed/x.ics')).status).toBe(404);
    const state = await t.request('/api/staff/calendar-feed', { headers: session.headers() });
    expect(await state.json()).toEqual({ active: false, createdAt: null });
    expect((await t.request('/api/staff/calendar-feed', { method: 'POST' })).status).toBe(401);
  });
});
