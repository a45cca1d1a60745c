// Writes messages into the outbox inside the caller's transaction, rendered now: join codes are never stored in clear.
import type { Kysely, Transaction } from 'kysely';
import type { Database, OutboxKind } from '../db/database.ts';

export interface EnqueueMessage {
  bookingId: string | null;
  kind: OutboxKind;
  /** Unique per logical message, e.g. `confirmation:<bookingId>`; a second enqueue with the same key is a no-op. */
  dedupeKey: string;
  /** E.164 number. */
  recipient: string;
  /** The rendered text. */
  body: string;
  notBefore?: Date;
}

export async function enqueueMessage(
  db: Kysely<Database> | Transaction<Database>,
  m: EnqueueMessage,
): Promise<void> {
  await db
    .insertInto('outbox_messages')
    .values({
      booking_id: m.bookingId,
      kind: m.kind,
      dedupe_key: m.dedupeKey,
      recipient: m.recipient,
      body: m.body,
      ...(m.notBefore ? { not_before: m.notBefore, next_attempt_at: m.notBefore } : {}),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/** Cancels a booking's messages that are still waiting (reminders after a cancellation or a new time). */
export async function cancelPendingMessages(
  db: Kysely<Database> | Transaction<Database>,
  bookingId: string,
  kinds: OutboxKind[] = ['reminder', 'confirmation', 'rescheduled', 'counsellor_ready', 'running_late'],
): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set({ status: 'cancelled' })
    .where('booking_id', '=', bookingId)
    .where('status', '=', 'pending')
    .where('kind', 'in', kinds)
    .execute();
}
