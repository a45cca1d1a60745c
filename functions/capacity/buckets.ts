// Capacity counters per five-minute bucket, taken and released inside the booking's own transaction.
import { sql, type Transaction } from 'kysely';
import type { BookingKind, Database } from '../db/database.ts';
import { sqlState } from '../db/errors.ts';

export const BUCKET_MS = 5 * 60_000;

/** The start of the five-minute bucket an instant falls in. */
export function floorToBucket(d: Date): Date {
  return new Date(Math.floor(d.getTime() / BUCKET_MS) * BUCKET_MS);
}

/** The buckets a session occupies: from its start rounded down to its end rounded up on the five-minute grid. */
export function bucketSpan(start: Date, end: Date): { from: Date; to: Date; count: number } {
  const from = Math.floor(start.getTime() / BUCKET_MS) * BUCKET_MS;
  const to = Math.ceil(end.getTime() / BUCKET_MS) * BUCKET_MS;
  return { from: new Date(from), to: new Date(to), count: (to - from) / BUCKET_MS };
}

/** True for the error the capacity triggers raise when a bucket would overflow. */
export function isCapacityViolation(error: unknown): boolean {
  return (
    sqlState(error) === '23514' &&
    (error as { constraint?: unknown }).constraint === 'capacity_buckets_capacity'
  );
}

/**
 * Counts one session into every bucket it touches, creating missing buckets with the capacity that
 * applies to them (settings, lowered by maintenance windows). Rows are inserted and locked in
 * ascending order so that concurrent bookings cannot deadlock; `capacity_settings` is read FOR SHARE
 * so an operator's change waits for, or is seen by, this transaction. Returns false when the video
 * system has no room left; the transaction is then aborted and must be rolled back by the caller.
 */
export async function takeCapacity(
  trx: Transaction<Database>,
  session: { start: Date; end: Date; kind: BookingKind },
): Promise<boolean> {
  const { from, to, count } = bucketSpan(session.start, session.end);
  const column = sql.ref(session.kind === 'adhoc' ? 'adhoc_used' : 'scheduled_used');
  const existing = sql.ref(session.kind === 'adhoc' ? 'b.adhoc_used' : 'b.scheduled_used');
  try {
    const result = await sql<{ start_at: Date }>`
      with settings as (
        select max_concurrent_sessions as cap, adhoc_reserve as reserve
        from capacity_settings where id = 1 for share
      ), wanted as (
        select g as start_at
        from generate_series(${from}::timestamptz, ${to}::timestamptz - interval '5 minutes', interval '5 minutes') as g
      )
      insert into capacity_buckets as b (start_at, capacity, reserve, ${column})
      select w.start_at,
             least(s.cap, coalesce((select min(m.capacity) from maintenance_windows m
                                     where m.period && tstzrange(w.start_at, w.start_at + interval '5 minutes')), s.cap)),
             s.reserve, 1
      from wanted w cross join settings s
      order by w.start_at
      on conflict (start_at) do update set ${column} = ${existing} + 1
      returning b.start_at`.execute(trx);
    return result.rows.length === count;
  } catch (error) {
    if (isCapacityViolation(error)) return false;
    throw error;
  }
}

export interface CounsellorFit {
  counsellorId: string;
  serviceId: string;
  blockedStart: Date;
  blockedEnd: Date;
}

export type GuardedTake =
  | { ok: true; hours: { weekday: number; start: string; end: string }[] }
  | { ok: false; reason: 'counsellor' | 'capacity' };

/**
 * takeCapacity for a scheduled booking just inserted for `fit.counsellorId`, in one round trip: the
 * service must still be active and the counsellor is re-read first (still active, skilled and not absent; that insert holds a key-share
 * lock on the counsellor, so a concurrent absence or hour change is either seen here or waits) and
 * capacity is only counted when the counsellor still fits. The weekly hours come back for the caller
 * to check in its time zone.
 */
export async function takeCapacityIfCounsellorFits(
  trx: Transaction<Database>,
  session: { start: Date; end: Date },
  fit: CounsellorFit,
): Promise<GuardedTake> {
  const { from, to, count } = bucketSpan(session.start, session.end);
  try {
    const result = await sql<{
      fits: boolean;
      hours: { weekday: number; start: string; end: string }[];
      taken: number;
    }>`
      with guard as (
        select c.active
               and exists (select 1 from services v where v.id = ${fit.serviceId} and v.active)
               and exists (select 1 from counsellor_skills k where k.counsellor_id = c.id and k.service_id = ${fit.serviceId})
               and not exists (select 1 from absences a where a.counsellor_id = c.id
                               and a.period && tstzrange(${fit.blockedStart}::timestamptz, ${fit.blockedEnd}::timestamptz, '[)'))
               as fits,
               coalesce((select json_agg(json_build_object('weekday', w.weekday, 'start', w.start_time, 'end', w.end_time))
                         from working_hours w where w.counsellor_id = c.id), '[]'::json) as hours
        from counsellors c where c.id = ${fit.counsellorId}
      ), settings as (
        select max_concurrent_sessions as cap, adhoc_reserve as reserve
        from capacity_settings where id = 1 for share
      ), wanted as (
        select g as start_at
        from generate_series(${from}::timestamptz, ${to}::timestamptz - interval '5 minutes', interval '5 minutes') as g
      ), taken as (
        insert into capacity_buckets as b (start_at, capacity, reserve, scheduled_used)
        select w.start_at,
               least(s.cap, coalesce((select min(m.capacity) from maintenance_windows m
                                       where m.period && tstzrange(w.start_at, w.start_at + interval '5 minutes')), s.cap)),
               s.reserve, 1
        from wanted w cross join settings s
        where coalesce((select fits from guard), false)
        order by w.start_at
        on conflict (start_at) do update set scheduled_used = b.scheduled_used + 1
        returning 1
      )
      select coalesce(g.fits, false) as fits, coalesce(g.hours, '[]'::json) as hours, (select count(*) from taken)::int as taken
      from (select 1) as one left join guard g on true`.execute(trx);
    const row = result.rows[0];
    if (!row?.fits) return { ok: false, reason: 'counsellor' };
    if (row.taken !== count) return { ok: false, reason: 'capacity' };
    return { ok: true, hours: row.hours };
  } catch (error) {
    if (isCapacityViolation(error)) return { ok: false, reason: 'capacity' };
    throw error;
  }
}

/** Gives a cancelled session's buckets back (rows locked in ascending order, never below zero). */
export async function releaseCapacity(
  trx: Transaction<Database>,
  session: { start: Date; end: Date; kind: BookingKind },
): Promise<void> {
  const { from, to } = bucketSpan(session.start, session.end);
  const column = sql.ref(session.kind === 'adhoc' ? 'adhoc_used' : 'scheduled_used');
  const current = sql.ref(session.kind === 'adhoc' ? 'b.adhoc_used' : 'b.scheduled_used');
  await sql`
    with locked as (
      select start_at from capacity_buckets
      where start_at >= ${from} and start_at < ${to}
      order by start_at for update
    )
    update capacity_buckets as b set ${column} = greatest(${current} - 1, 0)
    from locked where b.start_at = locked.start_at`.execute(trx);
}
