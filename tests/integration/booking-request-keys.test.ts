// Idempotency-Key on POST /api/bookings: a repeated request returns the first booking and books nothing more.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingCreated as Created } from '../../contract/bookings.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { countBookingRows, seedScheduling } from '../helpers/scheduling.ts';

let tdb: TestDatabase;
let t: TestApp;
const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock });
  await seedScheduling(tdb.db, { counsellors: 3, capacity: 8, horizonDays: 30, slotStepMinutes: 15 });
});
afterAll(async () => {
  await tdb.close();
});

const body = (start: string, phone = '0151 23456789') => ({
  service: 'arbeitslosengeld',
  start,
  phone,
  language: 'de',
  consent: true,
});

function book(json: unknown, key?: string) {
  return t.request('/api/bookings', {
    method: 'POST',
    json,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
}

describe('POST /api/bookings with Idempotency-Key', () => {
  it('answers a repeat with the first booking and its links, and books once', async () => {
    const key = 'k-0f3a9c1e2b7d4a60';
    const first = await book(body('2026-12-03T10:00:00+01:00'), key);
    expect(first.status).toBe(201);
    const a = (await first.json()) as Created;
    const before = await countBookingRows(tdb.db);
    const again = await book(body('2026-12-03T10:00:00+01:00'), key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const b = (await again.json()) as Created;
    expect(b).toEqual(a);
    expect(await countBookingRows(tdb.db)).toEqual(before);
    // The replayed manage link is a working one.
    const manage = await t.request(`/api/bookings/manage/${a.manageUrl.split('/m/')[1]}`);
    expect(manage.status).toBe(200);
  });

  it('books once when the same key arrives twice at the same time', async () => {
    const key = 'k-concurrent-7e21b0d94c';
    const before = await countBookingRows(tdb.db);
    const [r1, r2] = await Promise.all([
      book(body('2026-12-03T11:00:00+01:00'), key),
      book(body('2026-12-03T11:00:00+01:00'), key),
    ]);
    expect([r1.status, r2.status]).toEqual([201, 201]);
    const [a, b] = (await Promise.all([r1.json(), r2.json()])) as [Created, Created];
    expect(a.booking.id).toBe(b.booking.id);
    const after = await countBookingRows(tdb.db);
    expect(after.bookings).toBe((before.bookings ?? 0) + 1);
  });

  it('refuses the same key with another request (409) and changes nothing', async () => {
    const key = 'k-reused-4b8e2a71c3d5';
    expect((await book(body('2026-12-03T12:00:00+01:00'), key)).status).toBe(201);
    const before = await countBookingRows(tdb.db);
    const res = await book(body('2026-12-03T12:15:00+01:00'), key);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { reason?: string }).reason).toBe('idempotency_key_reused');
    expect(await countBookingRows(tdb.db)).toEqual(before);
  });

  it('refuses the same key when only the interpreter differs (409)', async () => {
    const key = 'k-interpreter-9c3f5e1a7b';
    expect((await book(body('2026-12-03T12:30:00+01:00'), key)).status).toBe(201);
    const before = await countBookingRows(tdb.db);
    const res = await book({ ...body('2026-12-03T12:30:00+01:00'), interpreter: 'tr' }, key);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { reason?: string }).reason).toBe('idempotency_key_reused');
    expect(await countBookingRows(tdb.db)).toEqual(before);
  });

  it('rejects a malformed key with 400 problem+json and books nothing', async () => {
    const before = await countBookingRows(tdb.db);
    const res = await book(body('2026-12-03T13:00:00+01:00'), 'short');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await countBookingRows(tdb.db)).toEqual(before);
  });

  it('without a key, a repeat is a second booking (the old contract)', async () => {
    const before = await countBookingRows(tdb.db);
    expect((await book(body('2026-12-03T14:00:00+01:00'))).status).toBe(201);
    expect((await book(body('2026-12-03T14:00:00+01:00'))).status).toBe(201);
    expect((await countBookingRows(tdb.db)).bookings).toBe((before.bookings ?? 0) + 2);
  });

  it('lets housekeeping forget keys after a day', async () => {
    const { runHousekeeping } = await import('../../functions/retention/housekeeping.ts');
    const n = async () =>
      Number(
        (
          await tdb.db
            .selectFrom('booking_request_keys')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await n()).toBeGreaterThan(0);
    await runHousekeeping(tdb.db, t.config, new Date(Date.now() + 2 * 86_400_000));
    expect(await n()).toBe(0);
  });
});
