// Who may take a slot: the memoised roster and closing days narrow the candidates; claim_booking decides.
import type { Kysely } from 'kysely';
import { closedDatesByCounsellor, type FederalState, loadClosingDays } from '../closures/closures.ts';
import type { Database, Service } from '../db/database.ts';
import { localDateOf } from '../platform/time-zone.ts';
import type { TtlMemo } from '../platform/ttl-memo.ts';
import { blockedSpan, type ServiceRules, workingCheck } from '../schedule/slot-engine.ts';
import { rosterOf } from '../slots/calendar.ts';

/** Closing days change rarely; the database's closing-day guard refuses a booking a stale list let through. */
const CLOSING_DAYS_TTL_MS = 5_000;

/**
 * Who offers the service, works during the blocked time of a session at `start` and is not on a
 * public holiday or closing day then (from the memoised roster and closing days, at most one query).
 */
export async function workingCandidates(
  deps: { db: Kysely<Database>; memo: TtlMemo },
  service: Service,
  rules: ServiceRules,
  timeZone: string,
  start: Date,
  defaultState: FederalState | '' = '',
): Promise<string[]> {
  const { start: blockedStart, end: blockedEnd } = blockedSpan(rules, start.getTime());
  const works = workingCheck(timeZone, blockedStart, blockedEnd);
  const db = deps.db;
  const roster = (await rosterOf(deps, service.id)).filter((c) => works(c.hours));
  if (roster.length === 0) return [];
  const first = localDateOf(blockedStart, timeZone);
  const last = localDateOf(blockedEnd - 1, timeZone);
  const days = await deps.memo.get(`closing-days:${first}|${last}`, CLOSING_DAYS_TTL_MS, () =>
    loadClosingDays(db, first, last),
  );
  const closed = closedDatesByCounsellor(roster, days, defaultState || null, first, last);
  return roster.filter((c) => !closed.has(c.id)).map((c) => c.id);
}
