// Erasure queries: blank the personal fields of old appointments, their notes, survey comments and messages.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.ts';

export async function readRetentionSetting(db: Kysely<Database>): Promise<unknown> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'retention_days')
    .executeTakeFirst();
  return row?.value;
}

/** Locks up to `limit` bookings due for erasure; rows another worker is erasing are skipped. */
export async function lockBookingsToErase(
  trx: Transaction<Database>,
  cutoff: Date,
  limit: number,
): Promise<{ id: string; end_at: Date }[]> {
  return trx
    .selectFrom('bookings')
    .select(['id', 'end_at'])
    .where('personal_data_erased_at', 'is', null)
    .where('end_at', '<=', cutoff)
    .orderBy('end_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export interface ErasedCounts {
  notes: number;
  surveyComments: number;
  messages: number;
}

/** Blanks everything personal of the given bookings; statistics columns stay. */
export async function eraseBookings(
  trx: Transaction<Database>,
  ids: string[],
  now: Date,
): Promise<ErasedCounts> {
  if (ids.length === 0) return { notes: 0, surveyComments: 0, messages: 0 };
  await trx
    .updateTable('bookings')
    .set({
      phone_e164: null,
      name: null,
      email: null,
      customer_number: null,
      personal_data_erased_at: now,
    })
    .where('id', 'in', ids)
    .execute();
  const notes = await trx
    .updateTable('booking_notes')
    .set({ body: '' })
    .where('booking_id', 'in', ids)
    .where('body', '<>', '')
    .executeTakeFirst();
  const comments = await trx
    .updateTable('survey_responses')
    .set({ comment: null })
    .where('booking_id', 'in', ids)
    .where('comment', 'is not', null)
    .executeTakeFirst();
  // Messages still waiting for an erased booking can never be sent: they are withdrawn.
  await trx
    .updateTable('outbox_messages')
    .set({ status: 'cancelled', locked_until: null })
    .where('booking_id', 'in', ids)
    .where('status', 'in', ['pending', 'dead'])
    .execute();
  const messages = await trx
    .updateTable('outbox_messages')
    .set({ recipient: null, body: null })
    .where('booking_id', 'in', ids)
    .where((eb) => eb.or([eb('recipient', 'is not', null), eb('body', 'is not', null)]))
    .executeTakeFirst();
  return {
    notes: Number(notes.numUpdatedRows),
    surveyComments: Number(comments.numUpdatedRows),
    messages: Number(messages.numUpdatedRows),
  };
}

/** Messages without a booking (none today, but the outbox allows them) follow the same period from their creation. */
export async function eraseOrphanMessages(db: Transaction<Database>, cutoff: Date): Promise<string[]> {
  const rows = await db
    .updateTable('outbox_messages')
    .set({ recipient: null, body: null, status: 'cancelled' })
    .where('booking_id', 'is', null)
    .where('created_at', '<=', cutoff)
    .where('status', 'in', ['pending', 'dead'])
    .returning('id')
    .execute();
  const done = await db
    .updateTable('outbox_messages')
    .set({ recipient: null, body: null })
    .where('booking_id', 'is', null)
    .where('created_at', '<=', cutoff)
    .where((eb) => eb.or([eb('recipient', 'is not', null), eb('body', 'is not', null)]))
    .returning('id')
    .execute();
  return [...new Set([...rows, ...done].map((r) => r.id))];
}
