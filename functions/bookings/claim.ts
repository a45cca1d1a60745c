// The one claim: names the arguments of claim_booking (migration 0026) and maps its outcomes; the database decides.
import { type Kysely, sql } from 'kysely';
import { isCapacityViolation } from '../capacity/buckets.ts';
import { isClosingDayViolation } from '../closures/closures.ts';
import type { Booking, Database, Language } from '../db/database.ts';
import { sqlState } from '../db/errors.ts';
import { isInterpreterUnavailable, type PreparedClaim } from '../interpreters/interpreters.ts';

/** The audit entry's typed fields (composite booking_audit); the database adds action and detail. */
export interface ClaimAudit {
  actorType: 'citizen' | 'staff' | 'system';
  actorId?: string | null;
  requestId: string | null;
  /** The language an interpreter was asked for. */
  interpreter?: string | null;
  consent?: { at: Date; noticeVersion: string } | undefined;
}

export interface ClaimContact {
  phone: string | null;
  name: string | null;
  email: string | null;
  customerNumber: string | null;
  language: Language;
}

/** What claim_booking needs; a field left out takes the function's default (see the migration). */
export interface BookingClaim {
  /** The new booking's id, chosen here so that message dedupe keys can name it. */
  id: string;
  kind: 'scheduled' | 'adhoc';
  /** Scheduled: who offers the service and works then (any order); ad-hoc: the one counsellor. */
  candidates: readonly string[];
  start: Date;
  joinCodeHash: Uint8Array;
  roomName: string;
  timeZone: string;
  now: Date;
  audit: ClaimAudit;
  serviceId?: string;
  end?: Date;
  blockedStart?: Date;
  blockedEnd?: Date;
  manageTokenHash?: Uint8Array | null;
  contact?: ClaimContact;
  /** From outboxRowsJson. */
  messagesJson?: string;
  /** The booking a reschedule moves (cancelled in the same statement; token and contact move along). */
  moves?: string;
  interpreter?: PreparedClaim | undefined;
  /** The request's Idempotency-Key (request-keys.ts), stored in the same statement. */
  requestKey?: { keyHash: Uint8Array; requestHash: Uint8Array; sealedLinks: string };
}

/** Why claim_booking refused, as one domain reason (null: not a claim refusal, rethrow it). */
export type ClaimRefusal = 'taken' | 'capacity' | 'interpreter_unavailable' | 'not_movable';

export function claimRefusalOf(error: unknown): ClaimRefusal | null {
  if (isCapacityViolation(error)) return 'capacity';
  if (isClosingDayViolation(error)) return 'taken';
  if (isInterpreterUnavailable(error)) return 'interpreter_unavailable';
  if (sqlState(error) === '23514') {
    const constraint = (error as { constraint?: unknown }).constraint;
    if (constraint === 'booking_claim_taken') return 'taken';
    if (constraint === 'booking_claim_not_movable') return 'not_movable';
  }
  return null;
}

function optional(name: string, value: unknown, type: string) {
  return value === undefined ? null : sql`, ${sql.raw(name)} => ${value}::${sql.raw(type)}`;
}

/** The claim_booking call with every argument named. */
function claimCall(c: BookingClaim) {
  const a = c.audit;
  const audit = sql`row(${a.actorType}::text, ${a.actorId ?? null}::uuid, ${a.requestId}::text,
    ${a.interpreter ?? null}::text, ${a.consent?.at ?? null}::timestamptz, ${a.consent?.noticeVersion ?? null}::text)::booking_audit`;
  const p = c.contact;
  const contact = p
    ? sql`, p_contact => row(${p.phone}::text, ${p.name}::text, ${p.email}::text, ${p.customerNumber}::text,
        ${p.language}::text)::booking_contact`
    : null;
  const i = c.interpreter;
  const interpreter = i
    ? sql`, p_interpreter => row(${i.candidates}::uuid[], ${i.language}::text, ${i.codeHash}::bytea,
        ${i.extraSessions}::int, ${i.messageJson}::jsonb)::interpreter_request`
    : null;
  const named = [
    optional('p_service_id', c.serviceId, 'text'),
    optional('p_end', c.end, 'timestamptz'),
    optional('p_blocked_start', c.blockedStart, 'timestamptz'),
    optional('p_blocked_end', c.blockedEnd, 'timestamptz'),
    optional('p_manage_token_hash', c.manageTokenHash ?? undefined, 'bytea'),
    optional('p_messages', c.messagesJson, 'jsonb'),
    optional('p_moves', c.moves, 'uuid'),
    contact,
    interpreter,
  ].filter((s) => s !== null);
  return sql<Booking>`select * from claim_booking(
    p_id => ${c.id}::uuid, p_kind => ${c.kind}::text, p_candidates => ${c.candidates}::uuid[],
    p_start => ${c.start}::timestamptz, p_join_code_hash => ${c.joinCodeHash}::bytea, p_room_name => ${c.roomName}::text,
    p_time_zone => ${c.timeZone}::text, p_now => ${c.now}::timestamptz, p_audit => ${audit}
    ${sql.join(named, sql``)})`;
}

/**
 * Runs claim_booking as one autocommit statement (its locks are held only while it runs). Returns the
 * new booking, or null when no candidate fits; refusals that undo the statement are thrown (map them
 * with claimRefusalOf). With a request key the key row is written in the same statement, so it exists
 * exactly when the booking does; a second request with the same key fails on the key's primary key.
 */
export async function claimBooking(db: Kysely<Database>, claim: BookingClaim): Promise<Booking | null> {
  const call = claimCall(claim);
  const k = claim.requestKey;
  const result = await (k
    ? sql<Booking>`
    with booked as (${call}),
    keyed as (
      insert into booking_request_keys (key_hash, request_hash, booking_id, sealed_links)
      select ${k.keyHash}::bytea, ${k.requestHash}::bytea, id, ${k.sealedLinks}::text from booked
    )
    select * from booked`
    : call
  ).execute(db);
  return result.rows[0] ?? null;
}
