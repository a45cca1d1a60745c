// What other parts (the operator's counsellor admin, the create-operator command) may do to a staff account.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { updatePassword } from './repository.ts';
import { deleteSessionsOfUser } from './session-repository.ts';

/** Ends every session of the user, so no one keeps rights they just lost. */
export function endAllSessions(db: Kysely<Database>, userId: string): Promise<number> {
  return deleteSessionsOfUser(db, userId, null);
}

/**
 * Sets a one-time password that must be changed at the next login and ends every session; `resetBy`
 * (an operator) is shown to the counsellor at the next login.
 */
export async function resetToOneTimePassword(
  db: Kysely<Database>,
  userId: string,
  hash: string,
  now: Date,
  resetBy: string | null = null,
): Promise<void> {
  await updatePassword(db, userId, hash, now, true, resetBy);
  await endAllSessions(db, userId);
}
