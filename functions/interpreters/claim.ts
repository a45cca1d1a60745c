// Claiming an interpreter for a booking: candidates in a fair order, a join code and SMS, then the database decides.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { sqlState } from '../db/errors.ts';
import { outboxRowsJson } from '../notifications/outbox.ts';
import { renderSms } from '../notifications/templates.ts';
import { generateSecret, hashSecret } from '../platform/secrets.ts';
import { workingCheck } from '../schedule/slot-engine.ts';
import { INTERPRETER_EXTRA_SESSIONS } from './languages.ts';
import { loadInterpreterBusy, loadInterpretersFor } from './repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ClaimTarget {
  bookingId: string;
  kind: 'scheduled' | 'adhoc';
  start: Date;
  blockedStart: Date;
  blockedEnd: Date;
  serviceName: string;
  /** A booking being moved: its own claim does not keep its interpreter busy. */
  replacesBookingId?: string;
}

/** Everything the claim statement needs, prepared before it runs. */
export interface PreparedClaim {
  language: string;
  candidates: string[];
  code: string;
  codeHash: Uint8Array;
  extraSessions: number;
  /** One outbox row without recipient (the database fills in the chosen interpreter's phone). */
  messageJson: string;
}

/**
 * Interpreters of `language` who look free for the blocked time: active, working then (ad-hoc
 * sessions need no hours, the interpreter accepts by joining) and not claimed; shuffled so parallel
 * bookings spread out. The database re-checks all of it in claim_interpreter.
 */
export async function interpreterCandidates(
  db: Db,
  language: string,
  target: Pick<ClaimTarget, 'kind' | 'blockedStart' | 'blockedEnd' | 'replacesBookingId'>,
  timeZone: string,
): Promise<string[]> {
  const people = await loadInterpretersFor(db, language);
  const busy = await loadInterpreterBusy(
    db,
    people.map((p) => p.id),
    target.blockedStart,
    target.blockedEnd,
    target.replacesBookingId,
  );
  const taken = new Set(busy.map((b) => b.counsellorId));
  const works = workingCheck(timeZone, target.blockedStart.getTime(), target.blockedEnd.getTime());
  const free = people.filter((p) => !taken.has(p.id) && (target.kind === 'adhoc' || works(p.hours)));
  return free
    .map((p) => ({ id: p.id, order: Math.random() }))
    .sort((a, b) => a.order - b.order)
    .map((p) => p.id);
}

export async function prepareClaim(
  db: Db,
  target: ClaimTarget,
  language: string,
  options: { timeZone: string; baseUrl: string; now: Date },
): Promise<PreparedClaim> {
  const candidates = await interpreterCandidates(db, language, target, options.timeZone);
  const code = generateSecret();
  const body = renderSms('interpreter_invite', 'de', {
    ...(target.kind === 'scheduled' ? { start: target.start } : {}),
    timeZone: options.timeZone,
    service: target.serviceName,
    joinUrl: `${options.baseUrl}/j/${code}`,
    interpretLanguage: language.toUpperCase(),
  });
  // The join link is sealed like every other outbox body (platform/link-seal.ts); the database only copies the row.
  const [row] = JSON.parse(
    await outboxRowsJson([
      {
        bookingId: target.bookingId,
        kind: 'interpreter_invite',
        dedupeKey: `interpreter_invite:${target.bookingId}:${code.slice(0, 8)}`,
        // claim_interpreter puts the chosen interpreter's number in.
        recipient: '',
        body,
        now: options.now,
      },
    ]),
  ) as unknown[];
  return {
    language,
    candidates,
    code,
    codeHash: await hashSecret(code),
    extraSessions: INTERPRETER_EXTRA_SESSIONS,
    messageJson: JSON.stringify(row),
  };
}

/** Runs claim_interpreter (migration 0162) for an existing booking; throws the unavailable error when nobody fits. */
export async function claimInterpreter(
  db: Db,
  bookingId: string,
  claim: PreparedClaim,
  timeZone: string,
): Promise<string> {
  const result = await sql<{ id: string }>`
    select claim_interpreter(${bookingId}::uuid, ${claim.candidates}::uuid[], ${claim.language}::text,
      ${claim.codeHash}::bytea, ${claim.extraSessions}::int, ${timeZone}::text, ${claim.messageJson}::jsonb) as id`.execute(
    db,
  );
  return result.rows[0]?.id as string;
}

/** True for the error claim_interpreter raises when no interpreter of the language is free. */
export function isInterpreterUnavailable(error: unknown): boolean {
  return (
    sqlState(error) === '23514' &&
    (error as { constraint?: unknown }).constraint === 'interpreter_bookings_unavailable'
  );
}
