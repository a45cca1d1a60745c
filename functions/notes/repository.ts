// Kysely queries for counsellor notes on appointments.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

export function listNotes(db: Kysely<Database>, bookingId: string) {
  return db
    .selectFrom('booking_notes')
    .leftJoin('staff_users', 'staff_users.id', 'booking_notes.author_id')
    .select([
      'booking_notes.id',
      'booking_notes.body',
      'booking_notes.created_at',
      'booking_notes.author_id',
      'staff_users.display_name as author_name',
    ])
    .where('booking_notes.booking_id', '=', bookingId)
    .orderBy('booking_notes.created_at')
    .orderBy('booking_notes.id')
    .execute();
}

export function insertNote(
  db: Kysely<Database>,
  note: { bookingId: string; authorId: string; body: string; now: Date },
) {
  return db
    .insertInto('booking_notes')
    .values({ booking_id: note.bookingId, author_id: note.authorId, body: note.body, created_at: note.now })
    .returning(['id', 'body', 'created_at', 'author_id'])
    .executeTakeFirstOrThrow();
}
