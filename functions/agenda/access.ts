// Per-object access to a booking (need-to-know): a counsellor reaches only their own appointments'
// citizen data and notes; an operator sees others' only with the supervisor permission.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Actor } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { isUuid } from '../http/schemas.ts';

/** True when the actor may see the citizen's contact data and the notes of a booking of `counsellorId`. */
export function mayAccessCounsellor(
  actor: Pick<Actor, 'role' | 'supervisor' | 'counsellorId'>,
  counsellorId: string,
): boolean {
  return actor.counsellorId === counsellorId || (actor.role === 'operator' && actor.supervisor);
}

/** An agenda item without the citizen's contact data, for operators without need-to-know. */
export function redactCitizen<
  T extends { name: unknown; phone: unknown; customerNumber: unknown; caseFileUrl: unknown },
>(item: T): T {
  return { ...item, name: null, phone: null, customerNumber: null, caseFileUrl: null };
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
