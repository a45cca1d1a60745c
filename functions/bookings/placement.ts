// Choosing and claiming a counsellor for a slot: fair order first, then the database decides who is really free.
import { type Kysely, sql, type Transaction } from 'kysely';
import { releaseCapacity, takeCapacityIfCounsellorFits } from '../capacity/buckets.ts';
import { closedDatesByCounsellor, type FederalState, loadClosingDays } from '../closures/closures.ts';
import type { Booking, Database, Service } from '../db/database.ts';
import type { PreparedClaim } from '../interpreters/interpreters.ts';
import { localDateOf } from '../platform/time-zone.ts';
import type { TtlMemo } from '../platform/ttl-memo.ts';
import { blockedSpan, type ServiceRules, withinWorkingHours, workingCheck } from '../schedule/slot-engine.ts';
import { rosterOf } from '../slots/calendar.ts';
import { type BookingInsert, deleteBooking, insertBookingIfFree } from './repository.ts';

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

/**
 * Counsellors who look free for a session starting at `start`: working then, not absent, not booked
 * (buffers included). Those with the fewest bookings that local day come first (read from the per-day
 * counts of migration 0141); ties are shuffled so parallel requests spread out. The database re-checks
 * all of it when the booking is inserted.
 */
export async function rankCandidates(
  deps: { db: Kysely<Database>; memo: TtlMemo },
  service: Service,
  rules: ServiceRules,
  timeZone: string,
  start: Date,
  ignoreBookingId?: string,
  defaultState: FederalState | '' = '',
): Promise<string[]> {
  const { start: blockedStart, end: blockedEnd } = blockedSpan(rules, start.getTime());
  const db = deps.db;
  const ids = await workingCandidates(deps, service, rules, timeZone, start, defaultState);
  if (ids.length === 0) return [];
  const ranked = await rankByDayCount(db, ids, timeZone, start, blockedStart, blockedEnd, ignoreBookingId);
  if (ranked.zoneMatches) return ranked.ids;
  // The counts are kept for another zone (TIME_ZONE changed): recount once, then rank again.
  await sql`select set_day_count_zone(${timeZone})`.execute(db);
  return (await rankByDayCount(db, ids, timeZone, start, blockedStart, blockedEnd, ignoreBookingId)).ids;
}

/** One round trip and one row: the free counsellors among `ids`, fewest bookings that local day first. */
async function rankByDayCount(
  db: Kysely<Database>,
  ids: string[],
  timeZone: string,
  start: Date,
  blockedStart: number,
  blockedEnd: number,
  ignoreBookingId: string | undefined,
): Promise<{ ids: string[]; zoneMatches: boolean }> {
  const range = sql`tstzrange(${new Date(blockedStart)}::timestamptz, ${new Date(blockedEnd)}::timestamptz, '[)')`;
  const ignore = ignoreBookingId ? sql`and id <> ${ignoreBookingId}` : sql``;
  const result = await sql<{ ids: string[]; zone_matches: boolean }>`
    with busy as (
      select counsellor_id from bookings
      where status in ('confirmed', 'completed') and counsellor_id = any(${ids}::uuid[]) and blocked && ${range}
        ${ignore}
      union all
      select counsellor_id from absences where period && ${range} and counsellor_id = any(${ids}::uuid[])
    )
    select coalesce(array_agg(c.id::text order by coalesce(n.bookings, 0), random())
                    filter (where c.id not in (select counsellor_id from busy)), '{}') as ids,
           (select time_zone = ${timeZone} from day_count_zone) as zone_matches
    from unnest(${ids}::uuid[]) as c(id)
    left join counsellor_day_counts n
      on n.counsellor_id = c.id and n.day = (${start}::timestamptz at time zone ${timeZone})::date`.execute(
    db,
  );
  const row = result.rows[0];
  return { ids: row?.ids ?? [], zoneMatches: row?.zone_matches ?? false };
}

export type ClaimResult = { ok: true; booking: Booking } | { ok: false; reason: 'taken' | 'capacity' };

/**
 * Inserts the booking for the first candidate the database accepts and counts it into capacity.
 * The exclusion constraint refuses a counsellor booked meanwhile; the capacity statement re-reads
 * the counsellor after the insert (whose key-share lock makes absence and hour changes serialise
 * against it) and refuses one who became absent, inactive, lost the skill or no longer works then.
 * A capacity refusal aborts the transaction: the caller must roll it back.
 */
export async function claimSlot(
  trx: Transaction<Database>,
  candidates: readonly string[],
  booking: Omit<BookingInsert, 'counsellorId'>,
  timeZone: string,
): Promise<ClaimResult> {
  for (const counsellorId of candidates) {
    const row = await insertBookingIfFree(trx, { ...booking, counsellorId });
    if (!row) continue;
    const taken = await takeCapacityIfCounsellorFits(
      trx,
      { start: booking.start, end: booking.end },
      {
        counsellorId,
        serviceId: booking.serviceId,
        blockedStart: booking.blockedStart,
        blockedEnd: booking.blockedEnd,
      },
    );
    if (!taken.ok && taken.reason === 'capacity') return { ok: false, reason: 'capacity' };
    if (
      taken.ok &&
      withinWorkingHours(taken.hours, timeZone, booking.blockedStart.getTime(), booking.blockedEnd.getTime())
    ) {
      return { ok: true, booking: row };
    }
    if (taken.ok) await releaseCapacity(trx, { start: booking.start, end: booking.end, kind: 'scheduled' });
    await deleteBooking(trx, row.id);
  }
  return { ok: false, reason: 'taken' };
}

export interface ClaimWithMessages {
  /** The new booking's id, chosen by the caller so that message dedupe keys can name it. */
  id: string;
  booking: Omit<BookingInsert, 'counsellorId' | 'kind' | 'rescheduledFrom'>;
  timeZone: string;
  /** From outboxRowsJson. */
  messagesJson: string;
  /** An interpreter to claim in the same statement (book_scheduled_slot_with_interpreter, migration 0162). */
  interpreter?: PreparedClaim | undefined;
  audit: {
    actorType: 'citizen' | 'staff' | 'system';
    action: string;
    entityType: string;
    detail: object;
    requestId: string;
  };
  /** The request's Idempotency-Key (functions/bookings/request-keys.ts), stored in the same statement. */
  requestKey?: { keyHash: Uint8Array; requestHash: Uint8Array; sealedLinks: string };
}

/**
 * claimSlot for a new scheduled booking plus its outbox messages and audit entry, as one autocommit
 * statement and one round trip (book_scheduled_slot_fair, migration 0143), so its locks are held only
 * while it runs. `candidates` are the working counsellors (workingCandidates); the statement drops the
 * busy and absent ones and tries the rest fewest-bookings-that-day first, with the checks of
 * book_scheduled_slot: exclusion constraint, counsellor re-read under the insert's lock (service active,
 * counsellor active, skilled, not absent, within weekly hours), capacity buckets in ascending order.
 * Returns null when no candidate fits; a full bucket throws the capacity violation (see isCapacityViolation).
 */
export async function claimSlotWithMessages(
  db: Kysely<Database>,
  candidates: readonly string[],
  claim: ClaimWithMessages,
): Promise<Booking | null> {
  const b = claim.booking;
  const i = claim.interpreter;
  const args = sql`
      ${claim.id}::uuid, ${candidates}::uuid[], ${b.serviceId}::text, ${b.start}::timestamptz, ${b.end}::timestamptz,
      ${b.blockedStart}::timestamptz, ${b.blockedEnd}::timestamptz, ${b.joinCodeHash}::bytea, ${b.manageTokenHash}::bytea,
      ${b.roomName}::text, ${b.phone}::text, ${b.name}::text, ${b.email}::text, ${b.customerNumber}::text, ${b.language}::text,
      ${claim.timeZone}::text, ${claim.messagesJson}::jsonb, ${JSON.stringify(claim.audit)}::jsonb`;
  // With an interpreter, migration 0162's wrapper runs this same function and then claims one.
  const booked = i
    ? sql<Booking>`select * from book_scheduled_slot_with_interpreter(${args},
        ${i.candidates}::uuid[], ${i.language}::text, ${i.codeHash}::bytea, ${i.extraSessions}::int, ${i.messageJson}::jsonb)`
    : sql<Booking>`select * from book_scheduled_slot_fair(${args})`;
  const k = claim.requestKey;
  // With a key, still one statement: the key row exists exactly when the booking does, and a second
  // request with the same key fails on the key's primary key and rolls its booking back.
  const result = await (k
    ? sql<Booking>`
    with booked as (${booked}),
    keyed as (
      insert into booking_request_keys (key_hash, request_hash, booking_id, sealed_links)
      select ${k.keyHash}::bytea, ${k.requestHash}::bytea, id, ${k.sealedLinks}::text from booked
    )
    select * from booked`
    : booked
  ).execute(db);
  return result.rows[0] ?? null;
}
