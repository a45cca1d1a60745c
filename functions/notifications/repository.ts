// Outbox queries for delivery and the operator: claim with a lease, mark the outcome, list and retry dead letters.
import { type Kysely, sql } from 'kysely';
import type { BookingStatus, Database, OutboxKind, OutboxStatus } from '../db/database.ts';

export interface ClaimedMessage {
  id: string;
  bookingId: string | null;
  kind: OutboxKind;
  recipient: string | null;
  body: string | null;
  /** Attempts including this one; doubles as the fence for marking the outcome. */
  attempts: number;
}

export interface ClaimOptions {
  limit: number;
  leaseMs: number;
  maxAttempts: number;
}

/**
 * Claims due messages in one short statement: rows locked by another worker are skipped, the
 * claimed ones become `sending` with a lease. A crashed sender's lease runs out and the message
 * is claimed again with the same id.
 */
export async function claimDueMessages(
  db: Kysely<Database>,
  now: Date,
  options: ClaimOptions,
): Promise<ClaimedMessage[]> {
  const leaseUntil = new Date(now.getTime() + options.leaseMs);
  // The locking select runs once, materialized, so the update never touches more rows than it locked.
  const rows = await db
    .with(
      (cte) => cte('due').materialized(),
      (qb) =>
        qb
          .selectFrom('outbox_messages')
          .select('id')
          .where('channel', '=', 'sms')
          .where((w) =>
            w.or([
              w.and([w('status', '=', 'pending'), w('next_attempt_at', '<=', now)]),
              w.and([
                w('status', '=', 'sending'),
                w('locked_until', '<=', now),
                w('attempts', '<', options.maxAttempts),
              ]),
            ]),
          )
          .orderBy('next_attempt_at')
          .limit(options.limit)
          .forUpdate()
          .skipLocked(),
    )
    .updateTable('outbox_messages')
    .from('due')
    .set((eb) => ({
      status: 'sending',
      locked_until: leaseUntil,
      attempts: eb('outbox_messages.attempts', '+', 1),
    }))
    .whereRef('outbox_messages.id', '=', 'due.id')
    .returning([
      'outbox_messages.id',
      'outbox_messages.booking_id',
      'outbox_messages.kind',
      'outbox_messages.recipient',
      'outbox_messages.body',
      'outbox_messages.attempts',
    ])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    bookingId: r.booking_id,
    kind: r.kind,
    recipient: r.recipient,
    body: r.body,
    attempts: r.attempts,
  }));
}

/** Messages whose sender died after its last allowed attempt: dead, for the operator to see. */
export async function buryExpiredLeases(
  db: Kysely<Database>,
  now: Date,
  maxAttempts: number,
): Promise<number> {
  const res = await db
    .updateTable('outbox_messages')
    .set({
      status: 'dead',
      locked_until: null,
      last_error: sql`coalesce(last_error, 'sender lease expired')`,
    })
    .where('status', '=', 'sending')
    .where('locked_until', '<=', now)
    .where('attempts', '>=', maxAttempts)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export interface BookingSendState {
  id: string;
  status: BookingStatus;
  smsOptOut: boolean;
  start: Date;
  end: Date;
}

export async function findBookingSendStates(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, BookingSendState>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('bookings')
    .select(['id', 'status', 'sms_opt_out', 'start_at', 'end_at'])
    .where('id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, status: r.status, smsOptOut: r.sms_opt_out, start: r.start_at, end: r.end_at },
    ]),
  );
}

/** Marks a message sent and drops secrets from its stored text; the gateway accepted it, whoever holds the lease. */
export async function markSent(db: Kysely<Database>, id: string, now: Date, redactedBody: string | null) {
  await db
    .updateTable('outbox_messages')
    .set({ status: 'sent', sent_at: now, locked_until: null, last_error: null, body: redactedBody })
    .where('id', '=', id)
    .where('status', 'in', ['sending', 'pending', 'dead'])
    .execute();
}

/**
 * Records a failed attempt: back to `pending` at `nextAttemptAt`, or `dead` when null. Only the
 * holder of the attempt (same `attempts`) may do so, so a stale sender cannot undo a newer claim.
 */
export async function markFailed(
  db: Kysely<Database>,
  id: string,
  attempts: number,
  error: string,
  nextAttemptAt: Date | null,
) {
  await db
    .updateTable('outbox_messages')
    .set({
      status: nextAttemptAt ? 'pending' : 'dead',
      locked_until: null,
      last_error: error.slice(0, 500),
      ...(nextAttemptAt ? { next_attempt_at: nextAttemptAt } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('attempts', '=', attempts)
    .execute();
}

/** A message that will not be sent: `cancelled` loses its text, `dead` keeps it for the operator's retry. */
export async function markSkipped(
  db: Kysely<Database>,
  id: string,
  attempts: number,
  outcome: 'cancelled' | 'dead',
  reason: string,
) {
  await db
    .updateTable('outbox_messages')
    .set({
      status: outcome,
      locked_until: null,
      last_error: reason,
      // The attempt was not a send attempt.
      attempts: attempts - 1,
      ...(outcome === 'cancelled' ? { body: null } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('attempts', '=', attempts)
    .execute();
}

export interface OutboxListItem {
  id: string;
  bookingId: string | null;
  kind: OutboxKind;
  status: OutboxStatus;
  recipient: string | null;
  body: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  createdAt: Date;
}

export async function listMessages(
  db: Kysely<Database>,
  filter: { status?: OutboxStatus; bookingId?: string; id?: string; limit: number },
): Promise<OutboxListItem[]> {
  let q = db
    .selectFrom('outbox_messages')
    .select([
      'id',
      'booking_id',
      'kind',
      'status',
      'recipient',
      'body',
      'attempts',
      'last_error',
      'next_attempt_at',
      'sent_at',
      'created_at',
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(filter.limit);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.bookingId) q = q.where('booking_id', '=', filter.bookingId);
  if (filter.id) q = q.where('id', '=', filter.id);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    bookingId: r.booking_id,
    kind: r.kind,
    status: r.status,
    recipient: r.recipient,
    body: r.body,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    sentAt: r.sent_at,
    createdAt: r.created_at,
  }));
}

export async function countByStatus(db: Kysely<Database>): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const out: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, dead: 0, cancelled: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export type RetryResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_dead' | 'erased' };

/** Puts a dead message back in the queue with a fresh attempt budget; its id stays, so the gateway can still dedupe. */
export async function retryDeadMessage(db: Kysely<Database>, id: string, now: Date): Promise<RetryResult> {
  const res = await db
    .updateTable('outbox_messages')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .where('recipient', 'is not', null)
    .where('body', 'is not', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 1) return { ok: true };
  const row = await db
    .selectFrom('outbox_messages')
    .select(['status', 'recipient'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'not_found' };
  return { ok: false, reason: row.status === 'dead' ? 'erased' : 'not_dead' };
}
