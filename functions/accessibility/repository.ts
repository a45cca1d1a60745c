// Kysely queries for accessibility feedback.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { FeedbackInput } from './schemas.ts';

export async function insertFeedback(
  db: Kysely<Database>,
  input: FeedbackInput,
  now: Date,
): Promise<{ id: string; createdAt: Date }> {
  const row = await db
    .insertInto('accessibility_feedback')
    .values({ ...input, created_at: now })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, createdAt: row.created_at };
}

export function listFeedback(db: Kysely<Database>, onlyOpen: boolean) {
  return db
    .selectFrom('accessibility_feedback')
    .select(['id', 'message', 'contact', 'page', 'language', 'created_at', 'handled_at'])
    .$if(onlyOpen, (q) => q.where('handled_at', 'is', null))
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
}

/** Marks one as handled; false when it does not exist. Handling twice keeps the first time. */
export async function markHandled(
  db: Kysely<Database>,
  id: string,
  staffId: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .updateTable('accessibility_feedback')
    .set((eb) => ({ handled_at: eb.fn.coalesce('handled_at', eb.val(now)), handled_by: staffId }))
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
