// The closures feature's public module: closed dates per counsellor for a range, read from the database and the holiday tables.
import { type Kysely, sql, type Transaction } from 'kysely';
import { flagUpcomingBookings } from '../capacity/flags.ts';
import type { Database } from '../db/database.ts';
import { sqlState } from '../db/errors.ts';
import type { FederalState } from '../db/federal-states.ts';
import { addDays, localDateOf, localDay } from '../platform/time-zone.ts';
import { type CounsellorPlace, closedDatesByCounsellor } from './closed-dates.ts';
import { publicHolidays } from './holidays.ts';
import { loadClosingDays } from './repository.ts';

export type { FederalState } from '../db/federal-states.ts';
export { type CounsellorPlace, closedDatesByCounsellor } from './closed-dates.ts';
export { loadClosingDays } from './repository.ts';

/** Public holidays and closing days per counsellor from `fromDate` to `toDate` (inclusive), in one query. */
export async function loadClosedDates(
  db: Kysely<Database>,
  counsellors: readonly CounsellorPlace[],
  defaultState: FederalState | '',
  fromDate: string,
  toDate: string,
): Promise<Map<string, string[]>> {
  const closingDays = await loadClosingDays(db, fromDate, toDate);
  return closedDatesByCounsellor(counsellors, closingDays, defaultState || null, fromDate, toDate);
}

/** True for the error the closing-day guard (migration 0160) raises for a booking on a closed day. */
export function isClosingDayViolation(error: unknown): boolean {
  return (
    sqlState(error) === '23514' && (error as { constraint?: unknown }).constraint === 'bookings_closing_day'
  );
}

/**
 * Flags the future bookings of a site's counsellors that fall on a public holiday of `state` (after
 * the site's state changed), up to `days` ahead. Returns how many were newly flagged.
 */
export async function flagHolidayBookings(
  trx: Transaction<Database>,
  siteId: string,
  state: FederalState | null,
  timeZone: string,
  now: Date,
  days = 400,
): Promise<number> {
  const today = localDateOf(now.getTime(), timeZone);
  const holidays = publicHolidays(state, today, addDays(today, days));
  if (holidays.length === 0) return 0;
  const ranges = holidays.map((h) => {
    const d = localDay(h.date, timeZone);
    return sql`tstzrange(${new Date(d.start)}::timestamptz, ${new Date(d.end)}::timestamptz, '[)')`;
  });
  return flagUpcomingBookings(trx, 'public_holiday', now, (q) =>
    q
      .innerJoin('counsellors as c', 'c.id', 'b.counsellor_id')
      .where('c.site_id', '=', siteId)
      .where('b.kind', '=', 'scheduled')
      .where(sql<boolean>`b.blocked && any(array[${sql.join(ranges)}])`),
  );
}
