// Kysely queries for video rooms: bookings by join code, presence, webhook records, join failures, code misses.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { BookingStatus, Database, Language } from '../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface RoomBooking {
  id: string;
  status: BookingStatus;
  kind: 'scheduled' | 'adhoc';
  start_at: Date;
  end_at: Date;
  room_name: string;
  counsellor_id: string;
  counsellor_user_id: string;
  counsellor_delay_minutes: number | null;
  language: Language;
  /** The language of the booking's confirmed interpreter, if one is booked (the room then seats three). */
  interpreter_language: string | null;
  /** Set when the join code was the interpreter's, not the citizen's. */
  interpreter?: { id: string; claimStatus: 'confirmed' | 'cancelled' };
}

function bookingQuery(db: Db) {
  return db
    .selectFrom('bookings')
    .innerJoin('counsellors', 'counsellors.id', 'bookings.counsellor_id')
    .select([
      'bookings.id',
      'bookings.status',
      'bookings.kind',
      'bookings.start_at',
      'bookings.end_at',
      'bookings.room_name',
      'bookings.counsellor_id',
      'counsellors.staff_user_id as counsellor_user_id',
      'bookings.counsellor_delay_minutes',
      'bookings.language',
      sql<string | null>`(select ib.language from interpreter_bookings ib
        where ib.booking_id = bookings.id and ib.status = 'confirmed')`.as('interpreter_language'),
    ]);
}

/** The booking a citizen's or an interpreter's join code belongs to. */
export async function findBookingByCodeHash(db: Db, hash: Uint8Array): Promise<RoomBooking | undefined> {
  const own = await bookingQuery(db).where('bookings.join_code_hash', '=', hash).executeTakeFirst();
  if (own) return own;
  const viaInterpreter = await bookingQuery(db)
    .innerJoin('interpreter_bookings as ib', 'ib.booking_id', 'bookings.id')
    .select(['ib.interpreter_id', 'ib.status as claim_status'])
    .where('ib.join_code_hash', '=', hash)
    .executeTakeFirst();
  if (!viaInterpreter) return undefined;
  const { interpreter_id, claim_status, ...booking } = viaInterpreter;
  // A withdrawn interpreter's link answers like a cancelled appointment.
  const status = claim_status === 'cancelled' ? 'cancelled' : booking.status;
  return { ...booking, status, interpreter: { id: interpreter_id, claimStatus: claim_status } };
}

export function findBookingById(db: Db, id: string): Promise<RoomBooking | undefined> {
  return bookingQuery(db).where('bookings.id', '=', id).executeTakeFirst();
}

export function findBookingIdByRoom(db: Db, room: string): Promise<string | undefined> {
  return db
    .selectFrom('bookings')
    .select('id')
    .where('room_name', '=', room)
    .executeTakeFirst()
    .then((r) => r?.id);
}

/** Marks a confirmed booking completed; returns false when it was not confirmed (already ended or cancelled). */
export async function completeBooking(db: Db, id: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('bookings')
    .set((eb) => ({
      status: 'completed',
      ended_at: eb.fn.coalesce('ended_at', sql<Date>`${now}::timestamptz`),
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function insertJoinFailure(
  db: Db,
  f: { bookingId: string | null; browser: string; reason: string; at: Date },
): Promise<void> {
  await db
    .insertInto('join_failures')
    .values({ booking_id: f.bookingId, browser: f.browser, reason: f.reason, at: f.at })
    .execute();
}
