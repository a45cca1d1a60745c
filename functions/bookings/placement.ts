// Choosing and claiming a counsellor for a slot: fair order first, then the database decides who is really free.
import type { Kysely, Transaction } from 'kysely';
import type { Booking, Database, Service } from '../db/database.ts';
import { loadAbsences, loadLiveBookings, loadSkilledCounsellors } from '../slots/repository.ts';
import { freeCounsellorsAt, type ServiceRules, withinWorkingHours } from '../slots/slot-engine.ts';
import { addDays, localDateOf, localDay } from '../slots/time-zone.ts';
import { type BookingInsert, deleteBooking, insertBookingIfFree, loadCounsellorGuard } from './repository.ts';

/**
 * Counsellors who look free for a session starting at `start`, those with the fewest bookings that
 * local day first (ties in random order, so parallel requests spread out).
 */
export async function rankCandidates(
  db: Kysely<Database>,
  service: Service,
  rules: ServiceRules,
  timeZone: string,
  start: Date,
  ignoreBookingId?: string,
): Promise<string[]> {
  const counsellors = await loadSkilledCounsellors(db, service.id);
  if (counsellors.length === 0) return [];
  const date = localDateOf(start.getTime(), timeZone);
  const day = localDay(date, timeZone);
  const from = new Date(localDay(addDays(date, -1), timeZone).start);
  const to = new Date(localDay(addDays(date, 1), timeZone).end);
  const ids = counsellors.map((c) => c.id);
  const [absences, bookings] = await Promise.all([
    loadAbsences(db, from, to, ids),
    loadLiveBookings(db, from, to, ids),
  ]);
  const free = freeCounsellorsAt(
    rules,
    {
      timeZone,
      counsellors,
      absences,
      bookings,
      capacity: { maxConcurrentSessions: 0, adhocReserve: 0, maintenance: [] },
      ...(ignoreBookingId ? { ignoreBookingId } : {}),
    },
    start.getTime(),
  );
  const load = new Map<string, number>();
  for (const b of bookings) {
    if (b.id !== ignoreBookingId && b.start >= day.start && b.start < day.end) {
      load.set(b.counsellorId, (load.get(b.counsellorId) ?? 0) + 1);
    }
  }
  const tiebreak = new Map(free.map((id) => [id, Math.random()]));
  return free.sort(
    (a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || (tiebreak.get(a) ?? 0) - (tiebreak.get(b) ?? 0),
  );
}

/**
 * Inserts the booking for the first candidate the database accepts: the exclusion constraint refuses
 * a counsellor booked meanwhile, and a re-read after the insert (which holds a key-share lock on the
 * counsellor, so absence and hour changes serialise against it) refuses one who became absent.
 */
export async function claimCounsellor(
  trx: Transaction<Database>,
  candidates: readonly string[],
  booking: Omit<BookingInsert, 'counsellorId'>,
  timeZone: string,
): Promise<Booking | null> {
  for (const counsellorId of candidates) {
    const row = await insertBookingIfFree(trx, { ...booking, counsellorId });
    if (!row) continue;
    const guard = await loadCounsellorGuard(trx, counsellorId, booking.blockedStart, booking.blockedEnd);
    const blockedStart = booking.blockedStart.getTime();
    const blockedEnd = booking.blockedEnd.getTime();
    if (
      guard.active &&
      !guard.absent &&
      withinWorkingHours(guard.hours, timeZone, blockedStart, blockedEnd)
    ) {
      return row;
    }
    await deleteBooking(trx, row.id);
  }
  return null;
}
