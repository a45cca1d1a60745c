// The per-counsellor, per-day booking counts (migration 0011) stay equal to a recount through booking, cancelling, rescheduling and a zone change.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type SchedulingSeed, seedScheduling } from '../helpers/scheduling.ts';

let tdb: TestDatabase;
let t: TestApp;
let seed: SchedulingSeed;
const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock, env: { RATE_LIMITS: 'off' } });
  seed = await seedScheduling(tdb.db, { counsellors: 3, capacity: 8, slotStepMinutes: 30 });
});
afterAll(async () => {
  await tdb.close();
});

type Counts = Record<string, number>;

async function stored(): Promise<Counts> {
  const { rows } = await sql<{ key: string; n: number }>`
    select counsellor_id || ' ' || day as key, bookings as n from counsellor_day_counts where bookings > 0`.execute(
    tdb.db,
  );
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

async function recounted(zone: string): Promise<Counts> {
  const { rows } = await sql<{ key: string; n: number }>`
    select counsellor_id || ' ' || (start_at at time zone ${zone})::date as key, count(*)::int as n
    from bookings where status in ('confirmed', 'completed') group by 1`.execute(tdb.db);
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

async function book(start: string): Promise<{ token: string; counsellor: string }> {
  const res = await t.request('/api/bookings', {
    method: 'POST',
    json: { service: seed.serviceId, start, phone: '+4915123456789', consent: true },
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { booking: { id: string }; manageUrl: string };
  const row = await tdb.db
    .selectFrom('bookings')
    .select('counsellor_id')
    .where('id', '=', body.booking.id)
    .executeTakeFirstOrThrow();
  return { token: body.manageUrl.split('/m/')[1] ?? '', counsellor: row.counsellor_id };
}

describe('counsellor day counts', () => {
  it('gives the day’s first three bookings to three different counsellors', async () => {
    const counsellors = new Set<string>();
    for (const start of [
      '2026-12-03T09:00:00+01:00',
      '2026-12-03T11:00:00+01:00',
      '2026-12-03T13:00:00+01:00',
    ])
      counsellors.add((await book(start)).counsellor);
    expect(counsellors.size).toBe(3);
    expect(await stored()).toEqual(await recounted('Europe/Berlin'));
  });

  it('follows cancelling and rescheduling to another day', async () => {
    const a = await book('2026-12-04T09:00:00+01:00');
    const b = await book('2026-12-04T10:00:00+01:00');
    expect((await t.request(`/api/bookings/manage/${a.token}`, { method: 'DELETE' })).status).toBe(200);
    const moved = await t.request(`/api/bookings/manage/${b.token}/reschedule`, {
      method: 'POST',
      json: { start: '2026-12-07T09:00:00+01:00' },
    });
    expect(moved.status).toBe(200);
    const counts = await stored();
    expect(counts).toEqual(await recounted('Europe/Berlin'));
    expect(Object.keys(counts).some((k) => k.endsWith('2026-12-07'))).toBe(true);
  });

  it('recounts once for another zone and keeps counting in it', async () => {
    await sql`select set_day_count_zone('America/New_York')`.execute(tdb.db);
    expect(await stored()).toEqual(await recounted('America/New_York'));
    await book('2026-12-08T09:00:00+01:00');
    expect(await stored()).toEqual(await recounted('America/New_York'));
    // The app's zone is Europe/Berlin: its next ranking puts the counts back into it.
    await book('2026-12-08T11:00:00+01:00');
    expect(await stored()).toEqual(await recounted('Europe/Berlin'));
  });
});
