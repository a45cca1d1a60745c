// The tick's housekeeping for staff login: expired sessions and stale OpenID states (backoff rows go with
// the shared limiter's purge).
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { purgeLoginStates } from './oidc-repository.ts';
import { deleteExpiredSessions } from './session-repository.ts';

/** Returns how many sessions ended by expiry were removed. */
export async function purgeStaffAuthState(db: Kysely<Database>, now: Date): Promise<number> {
  const sessions = await deleteExpiredSessions(db, now);
  await purgeLoginStates(db, now);
  return sessions;
}
