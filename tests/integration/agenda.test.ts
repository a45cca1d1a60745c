// The counsellor's agenda: own appointments only, live status, ETag polling, audit, phone fallback.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaItem as Item } from '../../contract/staff/agenda.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import {
  createStaff,
  insertBooking,
  login,
  type Session,
  type StaffFixture,
  seedService,
} from '../helpers/staff-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;
const clock = new TestClock(new Date('2026-12-03T08:00:00Z'));
let anna: StaffFixture;
let ben: StaffFixture;
let annaSession: Session;
let benSession: Session;
let operatorSession: Session;
let annaBooking: string;
let anonymousBooking: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, {
    clock,
    env: { CASE_FILE_URL_TEMPLATE: 'https://akte.example/kunde/{customerNumber}' },
  });
  await seedService(tdb.db);
  anna = await createStaff(tdb.db, { email: 'anna@example.org' });
  ben = await createStaff(tdb.db, { email: 'ben@example.org' });
  await createStaff(tdb.db, { email: 'ops@example.org', role: 'operator', counsels: false });
  annaBooking = (
    await insertBooking(tdb.db, {
      counsellorId: anna.counsellorId!,
      start: '2026-12-03T09:00:00Z',
      customerNumber: '12 A/3',
    })
  ).id;
  anonymousBooking = (
    await insertBooking(tdb.db, {
      counsellorId: anna.counsellorId!,
      start: '2026-12-04T10:00:00Z',
      name: null,
      customerNumber: null,
    })
  ).id;
  await insertBooking(tdb.db, {
    counsellorId: ben.counsellorId!,
    start: '2026-12-03T09:00:00Z',
    name: 'Ben Kunde',
  });
  // Outside the week: not listed by default.
  await insertBooking(tdb.db, { counsellorId: anna.counsellorId!, start: '2026-12-20T09:00:00Z' });
  annaSession = await login(t, anna.email);
  benSession = await login(t, ben.email);
  operatorSession = await login(t, 'ops@example.org');
});

afterAll(async () => {
  await tdb.close();
});

async function agenda(s: Session, query = '', headers: Record<string, string> = {}) {
  return t.request(`/api/staff/agenda${query}`, { headers: { ...s.headers(), ...headers } });
}

describe('GET /api/staff/agenda', () => {
  it('lists the counsellor’s own appointments of the week with name, customer number and case-file link', async () => {
    const res = await agenda(annaSession);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { from: string; to: string; items: Item[] };
    expect(body.from).toBe('2026-12-03');
    expect(body.to).toBe('2026-12-09');
    expect(body.items.map((i) => i.id)).toEqual([annaBooking, anonymousBooking]);
    const first = body.items[0]!;
    expect(first).toMatchObject({
      status: 'booked',
      name: 'Erika Mustermann',
      customerNumber: '12 A/3',
      caseFileUrl: 'https://akte.example/kunde/12%20A%2F3',
      serviceName: 'Thema arbeitslosengeld',
    });
    expect(body.items[1]).toMatchObject({ name: null, customerNumber: null, caseFileUrl: null });
  });

  it('never shows another counsellor’s appointments to a counsellor', async () => {
    const res = await agenda(benSession);
    const body = (await res.json()) as { items: Item[] };
    expect(body.items.map((i) => i.name)).toEqual(['Ben Kunde']);
    const other = await agenda(benSession, `?counsellorId=${anna.counsellorId}`);
    expect(other.status).toBe(403);
  });

  it('lets an operator read any counsellor’s agenda, or everyone’s', async () => {
    const one = await agenda(operatorSession, `?counsellorId=${anna.counsellorId}`);
    expect(((await one.json()) as { items: Item[] }).items).toHaveLength(2);
    const all = await agenda(operatorSession);
    expect(((await all.json()) as { items: Item[] }).items).toHaveLength(3);
  });

  it('answers 304 while nothing changed and 200 again after a change, auditing only full reads', async () => {
    const first = await agenda(annaSession);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    const audits = async () =>
      Number(
        (
          await tdb.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', 'agenda_read')
            .where('actor_id', '=', anna.userId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await audits();
    const same = await agenda(annaSession, '', { 'if-none-match': etag });
    expect(same.status).toBe(304);
    expect(await audits()).toBe(before);
    await tdb.db
      .insertInto('participant_events')
      .values({
        webhook_id: 'w1',
        booking_id: annaBooking,
        room_name: 'x',
        identity: 'citizen-1',
        role: 'citizen',
        event: 'joined',
        at: new Date('2026-12-03T07:55:00Z'),
      })
      .execute();
    const changed = await agenda(annaSession, '', { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(await audits()).toBe(before + 1);
    const items = ((await changed.json()) as { items: Item[] }).items;
    expect(items[0]!.status).toBe('citizen_waiting');
  });

  it('shows in_call when citizen and counsellor are both in the room, done after completion', async () => {
    await tdb.db
      .insertInto('participant_events')
      .values({
        webhook_id: 'w2',
        booking_id: annaBooking,
        room_name: 'x',
        identity: 'counsellor-1',
        role: 'counsellor',
        event: 'joined',
        at: new Date('2026-12-03T07:58:00Z'),
      })
      .execute();
    let items = ((await (await agenda(annaSession)).json()) as { items: Item[] }).items;
    expect(items[0]!.status).toBe('in_call');
    await tdb.db.updateTable('bookings').set({ status: 'completed' }).where('id', '=', annaBooking).execute();
    items = ((await (await agenda(annaSession)).json()) as { items: Item[] }).items;
    expect(items[0]!.status).toBe('done');
  });

  it('audits the read with the ids of the appointments whose personal data was shown', async () => {
    await agenda(annaSession);
    const last = await tdb.db
      .selectFrom('audit_log')
      .select(['detail', 'entity_id'])
      .where('action', '=', 'agenda_read')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.entity_id).toBe(anna.counsellorId);
    // The anonymous appointment still shows a phone number: personal data too.
    expect((last.detail as { bookingIds: string[] }).bookingIds).toEqual([annaBooking, anonymousBooking]);
  });

  it('rejects a period over 42 days and malformed dates with 400', async () => {
    expect((await agenda(annaSession, '?from=2026-12-01&to=2027-02-01')).status).toBe(400);
    expect((await agenda(annaSession, '?from=2026-13-01')).status).toBe(400);
    expect((await agenda(annaSession, '?from=2026-12-05&to=2026-12-01')).status).toBe(400);
  });

  it('requires a login', async () => {
    const res = await t.request('/api/staff/agenda');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('POST /api/staff/bookings/:id/phone-fallback', () => {
  it('records the call-back time and an audit entry and keeps the status', async () => {
    const res = await t.request(`/api/staff/bookings/${anonymousBooking}/phone-fallback`, {
      method: 'POST',
      headers: annaSession.headers(true),
    });
    expect(res.status).toBe(200);
    const row = await tdb.db
      .selectFrom('bookings')
      .select(['status', 'phone_fallback_at'])
      .where('id', '=', anonymousBooking)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
    expect(new Date(row.phone_fallback_at!).toISOString()).toBe('2026-12-03T08:00:00.000Z');
    const audit = await tdb.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'phone_fallback')
      .where('entity_id', '=', anonymousBooking)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(anna.userId);
  });

  it('is 404 for another counsellor’s appointment and changes nothing', async () => {
    const res = await t.request(`/api/staff/bookings/${anonymousBooking}/phone-fallback`, {
      method: 'POST',
      headers: benSession.headers(true),
    });
    expect(res.status).toBe(404);
  });

  it('needs the CSRF token', async () => {
    const res = await t.request(`/api/staff/bookings/${anonymousBooking}/phone-fallback`, {
      method: 'POST',
      headers: annaSession.headers(false),
    });
    expect(res.status).toBe(403);
  });

  it('is 409 for a cancelled appointment', async () => {
    const b = await insertBooking(tdb.db, {
      counsellorId: anna.counsellorId!,
      start: '2026-12-05T09:00:00Z',
      status: 'cancelled',
    });
    const res = await t.request(`/api/staff/bookings/${b.id}/phone-fallback`, {
      method: 'POST',
      headers: annaSession.headers(true),
    });
    expect(res.status).toBe(409);
  });
});
