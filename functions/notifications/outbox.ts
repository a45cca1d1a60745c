// Writes messages into the outbox inside the caller's transaction, so a message exists exactly when its cause committed.
//
// A message's body is rendered at enqueue time and may hold a join or manage link: the secret in
// it is sealed with AES-GCM before the row is written (platform/link-seal.ts) and opened only when
// the message is sent; after sending the link is redacted (delivery.ts). No link is stored in clear.
import { type InsertObject, type Kysely, sql, type Transaction } from 'kysely';
import type { Database, OutboxKind } from '../db/database.ts';
import { linkKeyring, sealLinks } from '../platform/link-seal.ts';

export interface EnqueueMessage {
  bookingId: string | null;
  kind: OutboxKind;
  /** Unique per logical message, e.g. `confirmation:<bookingId>`; a second enqueue with the same key is a no-op. */
  dedupeKey: string;
  /** E.164 mobile number. */
  recipient: string;
  /** The rendered text (see templates.ts). */
  body: string;
  /** Not sent before this instant (reminders). */
  notBefore?: Date;
  /** The caller's clock; an immediate message becomes due at this instant. */
  now?: Date;
}

// Without a caller clock an immediate message is due at once, whatever the clocks of the app and the database say.
const IMMEDIATELY = new Date(0);

function rowOf(m: EnqueueMessage, wallClock: Date): InsertObject<Database, 'outbox_messages'> {
  return {
    booking_id: m.bookingId,
    kind: m.kind,
    dedupe_key: m.dedupeKey,
    recipient: m.recipient,
    body: m.body,
    not_before: m.notBefore ?? m.now ?? wallClock,
    next_attempt_at: m.notBefore ?? m.now ?? IMMEDIATELY,
    // One column list for every row of a multi-row insert: without a caller clock the database's now().
    created_at: m.now ?? sql<Date>`now()`,
  };
}

/** The messages with every join and manage link sealed. */
async function sealAll(list: readonly EnqueueMessage[]): Promise<EnqueueMessage[]> {
  const ring = await linkKeyring();
  return Promise.all(list.map(async (m) => ({ ...m, body: await sealLinks(ring, m.body) })));
}

/** Queues one message; returns its id, or null if a message with the same dedupe key exists. */
export async function enqueueMessage(
  db: Kysely<Database> | Transaction<Database>,
  m: EnqueueMessage,
): Promise<{ id: string } | null> {
  const [sealed] = await sealAll([m]);
  const row = await db
    .insertInto('outbox_messages')
    .values(rowOf(sealed as EnqueueMessage, new Date()))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ?? null;
}

/** Queues several messages in one statement; ones whose dedupe key exists are skipped. Returns how many were queued. */
export async function enqueueMessages(
  db: Kysely<Database> | Transaction<Database>,
  list: readonly EnqueueMessage[],
): Promise<number> {
  if (list.length === 0) return 0;
  const wallClock = new Date();
  const sealed = await sealAll(list);
  const result = await db
    .insertInto('outbox_messages')
    .values(sealed.map((m) => rowOf(m, wallClock)))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * The rows enqueueMessages would insert, as JSON for a database function that inserts them in the
 * caller's statement (`created_at` null means the database's now(); the booking id is the function's).
 */
export async function outboxRowsJson(list: readonly EnqueueMessage[]): Promise<string> {
  const wallClock = new Date();
  const sealed = await sealAll(list);
  return JSON.stringify(
    sealed.map((m) => ({
      kind: m.kind,
      dedupe_key: m.dedupeKey,
      recipient: m.recipient,
      body: m.body,
      not_before: (m.notBefore ?? m.now ?? wallClock).toISOString(),
      next_attempt_at: (m.notBefore ?? m.now ?? IMMEDIATELY).toISOString(),
      created_at: m.now?.toISOString() ?? null,
    })),
  );
}

/** Cancels a booking's messages that are still waiting (reminders after a cancellation or a new time). */
export async function cancelPendingMessages(
  db: Kysely<Database> | Transaction<Database>,
  bookingId: string,
  kinds: OutboxKind[] = ['reminder', 'confirmation', 'rescheduled', 'counsellor_ready', 'running_late'],
): Promise<number> {
  const rows = await db
    .updateTable('outbox_messages')
    .set({ status: 'cancelled', body: null })
    .where('booking_id', '=', bookingId)
    .where('status', '=', 'pending')
    .where('kind', 'in', kinds)
    .executeTakeFirst();
  return Number(rows.numUpdatedRows);
}
