// Kysely queries for the agenda: a counsellor's (or everyone's) appointments in a period, phone fallback.
import type { Kysely } from 'kysely';
import type { BookingKind, BookingStatus, Database } from '../db/database.ts';

export interface AgendaRow {
  id: string;
  service_id: string;
  name_de: string;
  name_en: string;
  kind: BookingKind;
  status: BookingStatus;
  start_at: Date;
  end_at: Date;
  name: string | null;
  phone_e164: string | null;
  customer_number: string | null;
  needs_rebooking: boolean;
  needs_rebooking_reason: string | null;
  counsellor_delay_minutes: number | null;
  ended_at: Date | null;
  phone_fallback_at: Date | null;
  counsellor_id: string;
  counsellor_name: string;
  note_count: number;
}

/** Appointments starting in [from, to), of one counsellor or (null) of all, in start order. */
export function listAgenda(
  db: Kysely<Database>,
  q: { counsellorId: string | null; from: Date; to: Date },
): Promise<AgendaRow[]> {
  let query = db
    .selectFrom('bookings')
    .innerJoin('services', 'services.id', 'bookings.service_id')
    .innerJoin('counsellors', 'counsellors.id', 'bookings.counsellor_id')
    .innerJoin('staff_users', 'staff_users.id', 'counsellors.staff_user_id')
    .select((eb) => [
      'bookings.id',
      'bookings.service_id',
      'services.name_de',
      'services.name_en',
      'bookings.kind',
      'bookings.status',
      'bookings.start_at',
      'bookings.end_at',
      'bookings.name',
      'bookings.phone_e164',
      'bookings.customer_number',
      'bookings.needs_rebooking',
      'bookings.needs_rebooking_reason',
      'bookings.counsellor_delay_minutes',
      'bookings.ended_at',
      'bookings.phone_fallback_at',
      'bookings.counsellor_id',
      'staff_users.display_name as counsellor_name',
      eb
        .selectFrom('booking_notes')
        .select((n) => n.fn.countAll<number>().as('c'))
        .whereRef('booking_notes.booking_id', '=', 'bookings.id')
        .as('note_count'),
    ])
    .where('bookings.start_at', '>=', q.from)
    .where('bookings.start_at', '<', q.to);
  if (q.counsellorId) query = query.where('bookings.counsellor_id', '=', q.counsellorId);
  return query.orderBy('bookings.start_at').orderBy('bookings.id').limit(2000).execute() as Promise<
    AgendaRow[]
  >;
}

export function counsellorExists(db: Kysely<Database>, id: string) {
  return db.selectFrom('counsellors').select('id').where('id', '=', id).executeTakeFirst();
}

/** Records that the counsellor calls the citizen back by phone; status and times stay as they are. */
export async function markPhoneFallback(db: Kysely<Database>, id: string, now: Date): Promise<void> {
  await db
    .updateTable('bookings')
    .set({ phone_fallback_at: now, updated_at: now })
    .where('id', '=', id)
    .execute();
}
