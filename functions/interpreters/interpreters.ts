// The interpreters feature's public module: what the slot calendar, bookings and rooms need from it.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { BusyPeriod, CounsellorHours } from '../schedule/slot-engine.ts';
import { loadInterpreterBusy, loadInterpretersFor } from './repository.ts';

export { claimInterpreter, isInterpreterUnavailable, type PreparedClaim, prepareClaim } from './claim.ts';
export { INTERPRETER_EXTRA_SESSIONS, isSignLanguage } from './languages.ts';
export { findClaimByCode, interpreterLanguageOf } from './repository.ts';

/** Interpreters of a language and their claimed time over [from, to), as the slot engine's companions. */
export async function loadInterpreterAvailability(
  db: Kysely<Database>,
  language: string,
  from: Date,
  to: Date,
): Promise<{ people: CounsellorHours[]; busy: BusyPeriod[] }> {
  const people = await loadInterpretersFor(db, language);
  const busy = await loadInterpreterBusy(
    db,
    people.map((p) => p.id),
    from,
    to,
  );
  return { people, busy };
}
