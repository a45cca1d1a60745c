// Flags bookings for the operator to move or cancel (capacity lowered, maintenance, absence, closing day): never dropped.
import type { Transaction } from 'kysely';
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
