// Kysely queries for the capacity model: settings, buckets kept in step with it, and flagging what no longer fits.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { BUCKET_MS } from '../schedule/slot-engine.ts';
import { floorToBucket } from './buckets.ts';
import { flagBookings, type RebookingReason } from './flags.ts';
import { pickBookingsToFlag } from './rebooking.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type { RebookingReason } from './flags.ts';

export interface CapacitySettings {
  maxConcurrentSessions: number;
  adhocReserve: number;
  adhocDurationMinutes: number;
}

export async function readCapacitySettings(db: Db, lock = false): Promise<CapacitySettings | undefined> {
  let q = db
    .selectFrom('capacity_settings')
    .select(['max_concurrent_sessions', 'adhoc_reserve', 'adhoc_duration_minutes'])
    .where('id', '=', 1);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row
    ? {
        maxConcurrentSessions: row.max_concurrent_sessions,
        adhocReserve: row.adhoc_reserve,
        adhocDurationMinutes: row.adhoc_duration_minutes,
      }
    : undefined;
}

/** Writes the singleton; the row lock makes bookings in flight finish first and later ones wait. */
export async function writeCapacitySettings(
  trx: Transaction<Database>,
  s: CapacitySettings,
  now: Date,
): Promise<void> {
  const values = {
    max_concurrent_sessions: s.maxConcurrentSessions,
    adhoc_reserve: s.adhocReserve,
    adhoc_duration_minutes: s.adhocDurationMinutes,
    updated_at: now,
  };
  await trx
    .insertInto('capacity_settings')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** Re-derives bucket capacity (settings lowered by maintenance windows) and reserve from `from` on. */
export async function recomputeBuckets(trx: Transaction<Database>, from: Date, to?: Date): Promise<void> {
  await sql`
    update capacity_buckets as b
    set capacity = least(s.max_concurrent_sessions, coalesce(
          (select min(m.capacity) from maintenance_windows m
           where m.period && tstzrange(b.start_at, b.start_at + interval '5 minutes')),
          s.max_concurrent_sessions)),
        reserve = s.adhoc_reserve
    from capacity_settings s
    where s.id = 1 and b.start_at >= ${floorToBucket(from)}
      ${to ? sql`and b.start_at < ${to}` : sql``}`.execute(trx);
}

/**
 * Flags scheduled bookings that no longer fit after capacity went down, so none is dropped silently;
 * returns how many were flagged. Must run in the transaction that lowered the capacity.
 */
export async function flagOverCapacity(
  trx: Transaction<Database>,
  now: Date,
  reason: RebookingReason,
  from: Date = now,
  to?: Date,
): Promise<number> {
  const overflow = await sql<{ start_at: Date; capacity: number; reserve: number }>`
    select start_at, capacity, reserve from capacity_buckets
    where start_at >= ${floorToBucket(from)} ${to ? sql`and start_at < ${to}` : sql``}
      and scheduled_used > 0 and scheduled_used + adhoc_used > greatest(capacity - reserve, 0)
    order by start_at`.execute(trx);
  const first = overflow.rows[0];
  const last = overflow.rows[overflow.rows.length - 1];
  if (!first || !last) return 0;
  const sessions = await trx
    .selectFrom('bookings')
    .select(['id', 'start_at', 'end_at', 'kind', 'created_at', 'needs_rebooking'])
    .where('status', 'in', ['confirmed', 'completed'])
    .where('start_at', '<', new Date(last.start_at.getTime() + BUCKET_MS))
    .where('end_at', '>', first.start_at)
    .execute();
  const ids = pickBookingsToFlag(
    overflow.rows.map((b) => ({ start: b.start_at.getTime(), capacity: b.capacity, reserve: b.reserve })),
    sessions.map((s) => ({
      id: s.id,
      start: new Date(s.start_at).getTime(),
      end: new Date(s.end_at).getTime(),
      kind: s.kind,
      createdAt: s.created_at.getTime(),
      flagged: s.needs_rebooking,
      movable: new Date(s.start_at).getTime() > now.getTime(),
    })),
  );
  return flagBookings(trx, ids, reason, now);
}
