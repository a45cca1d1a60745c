// Kysely queries for survey answers.
import type { Kysely } from 'kysely';
import type { BookingStatus, Database } from '../db/database.ts';

export interface SurveyBooking {
  id: string;
  status: BookingStatus;
  start_at: Date;
  end_at: Date;
}

export function findSurveyBooking(
  db: Kysely<Database>,
  joinCodeHash: Uint8Array,
): Promise<SurveyBooking | undefined> {
  return db
    .selectFrom('bookings')
    .select(['id', 'status', 'start_at', 'end_at'])
    .where('join_code_hash', '=', joinCodeHash)
    .executeTakeFirst();
}

/** Stores the answer; false when this booking was answered before (the primary key decides). */
export async function insertSurveyAnswer(
  db: Kysely<Database>,
  answer: { bookingId: string; recommend: boolean; easeOfUse: number; comment: string | null },
): Promise<boolean> {
  const inserted = await db
    .insertInto('survey_responses')
    .values({
      booking_id: answer.bookingId,
      recommend: answer.recommend,
      ease_of_use: answer.easeOfUse,
      comment: answer.comment,
    })
    .onConflict((oc) => oc.column('booking_id').doNothing())
    .returning('booking_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
