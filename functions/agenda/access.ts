// Per-object access to a booking: a counsellor reaches only their own appointments, an operator all.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Actor } from '../http/context.ts';
import { AppError } from '../http/problem.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a syntactically valid UUID (anything else is simply not found). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** True when the actor may see or act on a booking of `counsellorId`. */
export function mayAccessCounsellor(actor: Actor, counsellorId: string): boolean {
  return actor.role === 'operator' || actor.counsellorId === counsellorId;
}

/**
 * Loads a booking's id and counsellor for an access check; 404 both for unknown ids and for other
 * counsellors' bookings, so existence is not revealed.
 */
export async function findAccessibleBooking(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
): Promise<{ id: string; counsellor_id: string; status: string }> {
  if (!isUuid(id)) throw new AppError('not_found');
  const row = await db
    .selectFrom('bookings')
    .select(['id', 'counsellor_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !mayAccessCounsellor(actor, row.counsellor_id)) throw new AppError('not_found');
  return row;
}
