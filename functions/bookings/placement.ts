// Who may take a slot: the memoised roster and closing days narrow the candidates; claim_booking decides.
import type { Kysely } from 'kysely';
import { closedDatesByCounsellor, type FederalState, loadClosingDays } from '../closures/closures.ts';
import type { Database, Service } from '../db/database.ts';
import type { Config } from '../env.ts';
import { localDateOf } from '../platform/time-zone.ts';
import type { TtlMemo } from '../platform/ttl-memo.ts';
import {
  blockedSpan,
  checkStart,
  type ServiceRules,
  type StartCheck,
  workingCheck,
} from '../schedule/slot-engine.ts';
import { rosterOf, rulesOf } from '../slots/calendar.ts';

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

export type Placement =
  | { ok: true; rules: ServiceRules; candidates: string[] }
  | { ok: false; why: Exclude<StartCheck, { ok: true }>['reason'] };

/** The checks before a claim at `start`: a start the service offers (pure), then who may take it. */
export async function placeStart(
  ctx: { db: Kysely<Database>; memo: TtlMemo; config: Config; now: Date },
  service: Service,
  start: Date,
): Promise<Placement> {
  const rules = rulesOf(service);
  const timeZone = ctx.config.TIME_ZONE;
  const check = checkStart(rules, timeZone, ctx.now.getTime(), start.getTime());
  if (!check.ok) return { ok: false, why: check.reason };
  const state = ctx.config.DEFAULT_FEDERAL_STATE;
  return {
    ok: true,
    rules,
    candidates: await workingCandidates(ctx, service, rules, timeZone, start, state),
  };
}
