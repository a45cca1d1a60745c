// Flags bookings for the operator to move or cancel (capacity lowered, maintenance, absence, closing day): never dropped.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';

/** Why a booking needs the operator's attention. */
export type RebookingReason =
  | 'capacity_reduced'
  | 'maintenance_window'
  | 'counsellor_absent'
  | 'outside_working_hours'
  | 'closing_day'
  | 'public_holiday'
  | 'interpreter_unavailable';

export async function flagBookings(
  trx: Transaction<Database>,
  ids: readonly string[],
  reason: RebookingReason,
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await trx
    .updateTable('bookings')
    .set({ needs_rebooking: true, needs_rebooking_reason: reason, updated_at: now })
    .where('id', 'in', [...ids])
    .where('needs_rebooking', '=', false)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The upcoming confirmed bookings (as `b`): what a change to hours, people or days may hit. */
function upcomingConfirmed(trx: Transaction<Database>, now: Date) {
  return trx
    .selectFrom('bookings as b')
    .select('b.id')
    .where('b.status', '=', 'confirmed')
    .where('b.start_at', '>', now);
}

export type UpcomingBookings = ReturnType<typeof upcomingConfirmed>;

/**
 * Flags the upcoming confirmed bookings that `narrow` picks (by counsellor, site, interpreter, period);
 * returns how many were newly flagged.
 * @example flagUpcomingBookings(trx, 'counsellor_absent', now, (q) => q.where('b.counsellor_id', '=', id))
 */
export async function flagUpcomingBookings(
  trx: Transaction<Database>,
  reason: RebookingReason,
  now: Date,
  narrow: (q: UpcomingBookings) => { execute(): Promise<{ id: string }[]> },
): Promise<number> {
  const rows = await narrow(upcomingConfirmed(trx, now)).execute();
  return flagBookings(
    trx,
    rows.map((r) => r.id),
    reason,
    now,
  );
}

/** The SQL test "this booking's blocked time overlaps [start, end)". */
export function blockedOverlaps(start: Date, end: Date) {
  return sql<boolean>`b.blocked && tstzrange(${start}::timestamptz, ${end}::timestamptz, '[)')`;
}
