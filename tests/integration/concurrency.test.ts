import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { SlotTaken } from '../../functions/bookings/book.ts';
import { claimSlot } from '../../functions/bookings/placement.ts';
import type { Database } from '../../functions/db/database.ts';
import { runBookingTransaction } from '../../functions/db/transaction.ts';
import { generateRoomName, generateSecret, hashSecret } from '../../functions/platform/secrets.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { seedScheduling } from '../helpers/scheduling.ts';

const SOAK_MS = process.env.CI === 'true' || process.env.FULL_SOAK === '1' ? 60_000 : 10_000;
let tdb: TestDatabase | undefined;

afterEach(async () => {
  await tdb?.close();
  tdb = undefined;
});

async function setup(options: Parameters<typeof seedScheduling>[1]): Promise<TestApp> {
  tdb = await createTestDatabase();
  await seedScheduling(tdb.db, options);
  return createTestApp(tdb, {
    clock: new TestClock(new Date('2026-12-01T08:00:00Z')),
    env: { RATE_LIMITS: 'off' },
  });
}

function bookingRequest(t: TestApp, start: string) {
  return t.request('/api/bookings', {
    method: 'POST',
    json: { service: 'arbeitslosengeld', start, phone: '+4915123456789', consent: true },
  });
}

/** Counsellor overlaps, instants above capacity, and bucket counters that disagree with the bookings. */
async function invariantViolations(db: Kysely<Database>) {
  const overlaps = await sql<{ n: number }>`
    select count(*)::int as n from bookings a join bookings b
      on a.counsellor_id = b.counsellor_id and a.id < b.id and a.blocked && b.blocked
    where a.status in ('confirmed', 'completed') and b.status in ('confirmed', 'completed')`.execute(db);
  const overCapacity = await sql<{ n: number }>`
    with s as (select max_concurrent_sessions - adhoc_reserve as lim from capacity_settings where id = 1),
    g as (select generate_series('2026-12-01'::timestamptz, '2026-12-10'::timestamptz, interval '5 minutes') as t)
    select count(*)::int as n from g, s
    where (select count(*) from bookings b where b.status in ('confirmed', 'completed')
           and b.start_at < g.t + interval '5 minutes' and b.end_at > g.t) > s.lim`.execute(db);
  const counterDrift = await sql<{ n: number }>`
    select count(*)::int as n from capacity_buckets c
    where c.scheduled_used <> (select count(*) from bookings b where b.status in ('confirmed', 'completed')
           and b.kind = 'scheduled' and b.start_at < c.start_at + interval '5 minutes' and b.end_at > c.start_at)`.execute(
    db,
  );
  return {
    overlaps: overlaps.rows[0]?.n,
    overCapacity: overCapacity.rows[0]?.n,
    counterDrift: counterDrift.rows[0]?.n,
  };
}

/** Books straight in the database, skipping every application-side check and queue. */
async function rawBooking(db: Kysely<Database>, counsellorId: string, start: Date): Promise<'ok' | 'taken'> {
  const end = new Date(start.getTime() + 30 * 60_000);
  try {
    await runBookingTransaction(db, async (trx) => {
      const claim = await claimSlot(
        trx,
        [counsellorId],
        {
          serviceId: 'arbeitslosengeld',
          kind: 'scheduled',
          start,
          end,
          blockedStart: start,
          blockedEnd: end,
          joinCodeHash: await hashSecret(generateSecret()),
          manageTokenHash: await hashSecret(generateSecret()),
          roomName: generateRoomName(),
          phone: null,
          name: null,
          email: null,
          customerNumber: null,
          language: 'de',
        },
        'Europe/Berlin',
      );
      if (!claim.ok) throw new SlotTaken();
    });
    return 'ok';
  } catch (error) {
    if (error instanceof SlotTaken) return 'taken';
    throw error;
  }
}

describe('the database alone', () => {
  it('refuses overlapping bookings of one counsellor from 40 parallel transactions', async () => {
    await setup({ counsellors: 1, capacity: 50 });
    const db = (tdb as TestDatabase).db;
    const counsellor = await db.selectFrom('counsellors').select('id').executeTakeFirstOrThrow();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        // Starts 0, 5, 10 or 15 minutes apart: every pair of these 30-minute sessions overlaps.
        rawBooking(db, counsellor.id, new Date(Date.parse('2026-12-03T09:00:00Z') + (i % 4) * 5 * 60_000)),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(await invariantViolations(db)).toEqual({ overlaps: 0, overCapacity: 0, counterDrift: 0 });
  });

  it('refuses more concurrent sessions than the capacity from 20 parallel transactions', async () => {
    await setup({ counsellors: 20, capacity: 3 });
    const db = (tdb as TestDatabase).db;
    const counsellors = await db.selectFrom('counsellors').select('id').execute();
    const results = await Promise.all(
      counsellors.map((c, i) =>
        rawBooking(db, c.id, new Date(Date.parse('2026-12-03T09:00:00Z') + (i % 3) * 5 * 60_000)),
      ),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(3);
    expect(await invariantViolations(db)).toEqual({ overlaps: 0, overCapacity: 0, counterDrift: 0 });
  });
});

describe('booking under concurrency', () => {
  it('gives one slot with one free counsellor to exactly one of 200 parallel requests', async () => {
    const t = await setup({ counsellors: 1, capacity: 50 });
    const responses = await Promise.all(
      Array.from({ length: 200 }, () => bookingRequest(t, '2026-12-03T10:00:00+01:00')),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    const rows = await (tdb as TestDatabase).db.selectFrom('bookings').select('id').execute();
    expect(rows).toHaveLength(1);
    expect(await invariantViolations((tdb as TestDatabase).db)).toEqual({
      overlaps: 0,
      overCapacity: 0,
      counterDrift: 0,
    });
  });

  it('gives a slot with capacity 3 and 10 free counsellors to exactly three of 50 parallel requests', async () => {
    const t = await setup({ counsellors: 10, capacity: 3 });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => bookingRequest(t, '2026-12-03T10:00:00+01:00')),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(47);
    const rows = await (tdb as TestDatabase).db.selectFrom('bookings').select('counsellor_id').execute();
    expect(new Set(rows.map((r) => r.counsellor_id)).size).toBe(3);
    expect(await invariantViolations((tdb as TestDatabase).db)).toEqual({
      overlaps: 0,
      overCapacity: 0,
      counterDrift: 0,
    });
  });

  it(
    `keeps every invariant under a random mix of parallel book, cancel and reschedule (${SOAK_MS / 1000} s)`,
    async () => {
      const t = await setup({ counsellors: 6, capacity: 4, adhocReserve: 1, slotStepMinutes: 15 });
      const db = (tdb as TestDatabase).db;
      const starts: string[] = [];
      for (const day of ['2026-12-03', '2026-12-04']) {
        for (let m = 8 * 60; m <= 15 * 60 + 30; m += 15) {
          starts.push(
            `${day}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+01:00`,
          );
        }
      }
      const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)] as T;
      const tokens: string[] = [];
      const acknowledged: string[] = [];
      const statuses = new Map<string, number>();
      const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
      const deadline = Date.now() + SOAK_MS;
      const worker = async () => {
        while (Date.now() < deadline) {
          const roll = Math.random();
          if (roll < 0.5 || tokens.length === 0) {
            const res = await bookingRequest(t, pick(starts));
            count(`book ${res.status}`);
            if (res.status === 201) {
              const body = (await res.json()) as { booking: { id: string }; manageUrl: string };
              acknowledged.push(body.booking.id);
              tokens.push(body.manageUrl.split('/m/')[1] as string);
            } else await res.body?.cancel();
          } else if (roll < 0.75) {
            const res = await t.request(`/api/bookings/manage/${pick(tokens)}`, { method: 'DELETE' });
            count(`cancel ${res.status}`);
            await res.body?.cancel();
          } else {
            const res = await t.request(`/api/bookings/manage/${pick(tokens)}/reschedule`, {
              method: 'POST',
              json: { start: pick(starts) },
            });
            count(`reschedule ${res.status}`);
            if (res.status === 200)
              acknowledged.push(((await res.json()) as { booking: { id: string } }).booking.id);
            else await res.body?.cancel();
          }
        }
      };
      await Promise.all(Array.from({ length: 12 }, worker));
      const unexpected = [...statuses].filter(
        ([k]) => !/^(book (201|409)|cancel (200|409)|reschedule (200|409))$/.test(k),
      );
      expect(unexpected, JSON.stringify(unexpected)).toEqual([]);
      expect(statuses.get('book 201') ?? 0).toBeGreaterThan(10);
      expect(await invariantViolations(db)).toEqual({ overlaps: 0, overCapacity: 0, counterDrift: 0 });
      const found = await db.selectFrom('bookings').select('id').where('id', 'in', acknowledged).execute();
      expect(found).toHaveLength(new Set(acknowledged).size);
      console.info('soak mix', Object.fromEntries(statuses));
    },
    SOAK_MS + 60_000,
  );
});
