import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { claimBooking, claimRefusalOf } from '../../functions/bookings/claim.ts';
import type { Database } from '../../functions/db/database.ts';
import { retryTransient } from '../../functions/db/transaction.ts';
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

/** Books straight through claim_booking, skipping every application-side check and queue. */
async function rawBooking(db: Kysely<Database>, counsellorId: string, start: Date): Promise<'ok' | 'taken'> {
  const end = new Date(start.getTime() + 30 * 60_000);
  try {
    const booking = await retryTransient(async () =>
      claimBooking(db, {
        id: crypto.randomUUID(),
        kind: 'scheduled',
        candidates: [counsellorId],
        serviceId: 'arbeitslosengeld',
        start,
        end,
        joinCodeHash: await hashSecret(generateSecret()),
        manageTokenHash: await hashSecret(generateSecret()),
        roomName: generateRoomName(),
        timeZone: 'Europe/Berlin',
        now: new Date('2026-12-01T08:00:00Z'),
        contact: { phone: null, name: null, email: null, customerNumber: null, language: 'de' },
        audit: { actorType: 'system', requestId: null },
      }),
    );
    return booking ? 'ok' : 'taken';
  } catch (error) {
    if (claimRefusalOf(error) === 'capacity') return 'taken';
    throw error;
  }
}

/**
 * Starts `requests` while another transaction holds the counsellor rows, waits until `waiters` claims are
 * queued on that lock (each claim's insert needs a key-share lock on its counsellor), then lets them all
 * go at once: a real race inside the database rather than one decided by which request was faster to prepare.
 */
async function raceAtTheCounsellor<T>(
  db: Kysely<Database>,
  waiters: number,
  requests: () => Promise<T>[],
): Promise<T[]> {
  let started: Promise<T>[] = [];
  await db.transaction().execute(async (trx) => {
    await sql`select id from counsellors for update`.execute(trx);
    started = requests();
    for (let i = 0; i < 500; i++) {
      const waiting = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`.execute(
        db,
      );
      if ((waiting.rows[0]?.n ?? 0) >= waiters) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
  return Promise.all(started);
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

  it('lets a reschedule and a new booking racing for the last free slot have exactly one winner', async () => {
    // One counsellor, so 11:00 is the last slot for both; the moved booking's own time does not block it.
    const t = await setup({ counsellors: 1, capacity: 50 });
    const db = (tdb as TestDatabase).db;
    const outcomes = new Set<string>();
    for (const day of ['2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10']) {
      const first = await bookingRequest(t, `${day}T09:00:00+01:00`);
      expect(first.status).toBe(201);
      const a = (await first.json()) as { booking: { id: string }; manageUrl: string };
      const token = a.manageUrl.split('/m/')[1] as string;
      const target = `${day}T11:00:00+01:00`;
      const [moved, booked] = (await raceAtTheCounsellor(db, 2, () => [
        t.request(`/api/bookings/manage/${token}/reschedule`, { method: 'POST', json: { start: target } }),
        bookingRequest(t, target),
      ])) as [Response, Response];
      const statuses = [moved.status, booked.status];
      expect(statuses.sort()).toEqual(moved.status === 200 ? [200, 409] : [201, 409]);
      outcomes.add(moved.status === 200 ? 'reschedule' : 'booking');
      await moved.body?.cancel();
      await booked.body?.cancel();
      const atTarget = await db
        .selectFrom('bookings')
        .select(['id', 'rescheduled_from'])
        .where('start_at', '=', new Date(target))
        .where('status', '=', 'confirmed')
        .execute();
      expect(atTarget).toHaveLength(1);
      const original = await db
        .selectFrom('bookings')
        .select('status')
        .where('id', '=', a.booking.id)
        .executeTakeFirstOrThrow();
      // The loser changed nothing: a failed move leaves the old time booked, a won move cancelled it.
      expect(original.status).toBe(moved.status === 200 ? 'cancelled' : 'confirmed');
      expect(atTarget[0]?.rescheduled_from ?? null).toBe(moved.status === 200 ? a.booking.id : null);
    }
    console.info('reschedule race winners', [...outcomes]);
    expect(await invariantViolations(db)).toEqual({ overlaps: 0, overCapacity: 0, counterDrift: 0 });
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
