// Idempotency-Key for POST /api/bookings: a repeated request gets the first answer, never a second booking.
//
// Behind nginx a POST that reached a workerd process is never sent again (deploy/nginx.conf), but the
// citizen's browser may be: after a 502 from a process that died mid-request, or a dropped mobile
// connection, the booking page repeats the request with the same key. The key is stored by the
// booking's own statement (claimBooking in claim.ts), so it exists exactly when its booking does.
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { IdempotencyKey } from '../../contract/bookings.ts';
import type { Booking, Database } from '../db/database.ts';
import { sqlState } from '../db/errors.ts';
import { LinkKeyMissing, linkKeyring, openLinks, sealLinks } from '../platform/link-seal.ts';
import { sha256 } from '../platform/sha256.ts';

export interface RequestKey {
  keyHash: Uint8Array;
  /** What was asked for with the key: the same key with another request is refused. */
  requestHash: Uint8Array;
}

export interface Replay {
  booking: Booking;
  joinCode: string;
  manageToken: string;
}

/** Thrown by the claim when another request with the same key committed first. */
export class RequestKeyTaken extends Error {}

/** Why a key cannot be used: malformed, used for another request, or its answer cannot be repeated here. */
export type RequestKeyRefusal =
  | { reason: 'malformed' }
  | { reason: 'reused' }
  | { reason: 'links_unreadable'; booking: string };

/** A key refused before any booking work; bookings/http-errors.ts says how it answers. */
export class RequestKeyRefused extends Error {
  constructor(readonly refusal: RequestKeyRefusal) {
    super(`Idempotency-Key refused: ${refusal.reason}`);
  }
}

/** The hashed key of the request, or null without the header; RequestKeyRefused for a malformed key. */
export async function requestKeyOf(
  header: string | undefined,
  request: { service: string; start: Date; phone: string; interpreter?: string | null },
): Promise<RequestKey | null> {
  if (header === undefined) return null;
  if (!v.is(IdempotencyKey, header)) throw new RequestKeyRefused({ reason: 'malformed' });
  const [keyHash, requestHash] = await Promise.all([
    sha256(`booking-key:${header}`),
    // The interpreter is part of what was asked for: the same key with another interpreter is another request.
    sha256(`${request.service}|${request.start.toISOString()}|${request.phone}|${request.interpreter ?? ''}`),
  ]);
  return { keyHash, requestHash };
}

/** The links as stored with the key: sealed like a queued SMS, so a dump cannot join or manage. */
export async function sealedLinksOf(joinCode: string, manageToken: string): Promise<string> {
  return sealLinks(await linkKeyring(), `/j/${joinCode} /m/${manageToken}`);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The first answer for this key, or null if the key is new; RequestKeyRefused when it came with another request. */
export async function replayOf(db: Kysely<Database>, key: RequestKey): Promise<Replay | null> {
  const row = await db
    .selectFrom('booking_request_keys as k')
    .innerJoin('bookings as b', 'b.id', 'k.booking_id')
    .selectAll('b')
    .select(['k.request_hash as key_request_hash', 'k.sealed_links as key_sealed_links'])
    .where('k.key_hash', '=', key.keyHash)
    .executeTakeFirst();
  if (!row) return null;
  if (!sameBytes(row.key_request_hash, key.requestHash)) throw new RequestKeyRefused({ reason: 'reused' });
  const opened = await openLinks(await linkKeyring(), row.key_sealed_links).catch((e: unknown) => {
    // Sealed by a process with another key (LINK_ENCRYPTION_KEYS must be the same on every process):
    // the booking stands and its SMS carries the links, but this answer cannot repeat them.
    if (e instanceof LinkKeyMissing)
      throw new RequestKeyRefused({ reason: 'links_unreadable', booking: row.id });
    throw e;
  });
  const [, joinCode, manageToken] = /^\/j\/(\S+) \/m\/(\S+)$/.exec(opened) ?? [];
  if (!joinCode || !manageToken) throw new Error('stored booking links do not parse');
  const { key_request_hash: _h, key_sealed_links: _s, ...booking } = row;
  return { booking: booking as Booking, joinCode, manageToken };
}

/** The unique violation of a second request with the same key (the first one's booking stands). */
export function isRequestKeyConflict(error: unknown): boolean {
  return (
    sqlState(error) === '23505' &&
    (error as { constraint?: unknown }).constraint === 'booking_request_keys_pkey'
  );
}

/** Keys answer repeats for a day; after that the booking's manage link is the way back to it. */
export async function purgeRequestKeys(db: Kysely<Database>, now: Date): Promise<void> {
  await db
    .deleteFrom('booking_request_keys')
    .where('created_at', '<', new Date(now.getTime() - 86_400_000))
    .execute();
}
