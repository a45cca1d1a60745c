// Notes per appointment: the booking's counsellor and supervising operators only; reads and writes are audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createStaff, insertBooking, login, type Session, seedService } from '../helpers/staff-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;
let anna: Session;
let ben: Session;
let ops: Session;
let bookingId: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock: new TestClock(new Date('2026-12-03T08:00:00Z')) });
  await seedService(tdb.db);
  const a = await createStaff(tdb.db, { email: 'anna@example.org' });
  await createStaff(tdb.db, { email: 'ben@example.org' });
  await createStaff(tdb.db, {
    email: 'ops@example.org',
    role: 'operator',
    counsels: false,
    supervisor: true,
  });
  bookingId = (await insertBooking(tdb.db, { counsellorId: a.counsellorId!, start: '2026-12-03T09:00:00Z' }))
    .id;
  anna = await login(t, 'anna@example.org');
  ben = await login(t, 'ben@example.org');
  ops = await login(t, 'ops@example.org');
});

afterAll(async () => {
  await tdb.close();
});

const url = () => `/api/staff/bookings/${bookingId}/notes`;

describe('notes', () => {
  it('stores a note of the booking’s counsellor and lists it with author and time', async () => {
    const res = await t.request(url(), {
      method: 'POST',
      headers: anna.headers(true),
      json: { body: '  Unterlagen nachreichen  ' },
    });
    expect(res.status).toBe(201);
    const list = await t.request(url(), { headers: anna.headers() });
    const body = (await list.json()) as { notes: { body: string; author: string; createdAt: string }[] };
    expect(body.notes).toEqual([
      {
        id: expect.any(String),
        body: 'Unterlagen nachreichen',
        author: 'anna',
        createdAt: '2026-12-03T08:00:00.000Z',
      },
    ]);
  });

  it('audits every read of notes', async () => {
    await t.request(url(), { headers: ops.headers() });
    const rows = await tdb.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['notes_read', 'note_added'])
      .execute();
    expect(
      rows.filter((r) => r.action === 'notes_read' && r.entity_id === bookingId).length,
    ).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.action === 'note_added')).toBe(true);
  });

  it('hides notes from another counsellor (404) and refuses their writes', async () => {
    expect((await t.request(url(), { headers: ben.headers() })).status).toBe(404);
    const res = await t.request(url(), { method: 'POST', headers: ben.headers(true), json: { body: 'x' } });
    expect(res.status).toBe(404);
    const count = await tdb.db.selectFrom('booking_notes').select('id').execute();
    expect(count).toHaveLength(1);
  });

  it('rejects an empty or oversized note with 422 and unknown ids with 404', async () => {
    const empty = await t.request(url(), {
      method: 'POST',
      headers: anna.headers(true),
      json: { body: '   ' },
    });
    expect(empty.status).toBe(422);
    const big = await t.request(url(), {
      method: 'POST',
      headers: anna.headers(true),
      json: { body: 'x'.repeat(10_001) },
    });
    expect(big.status).toBe(422);
    expect((await t.request('/api/staff/bookings/nope/notes', { headers: anna.headers() })).status).toBe(404);
    expect(
      (
        await t.request('/api/staff/bookings/00000000-0000-4000-8000-000000000000/notes', {
          headers: anna.headers(),
        })
      ).status,
    ).toBe(404);
  });
});
