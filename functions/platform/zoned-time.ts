// Calendar dates in a time zone ↔ Date instants for agenda and statistics queries, over the slot engine's zone maths.
import { localDateOf, localDay } from './time-zone.ts';

export { addDays, daysBetween } from './time-zone.ts';

/**
 * The instant a calendar day starts in a time zone.
 *
 * @example
 * startOfDay('2026-12-03', 'Europe/Berlin') // → 2026-12-02T23:00:00.000Z
 */
export function startOfDay(date: string, timeZone: string): Date {
  return new Date(localDay(date, timeZone).start);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateIn(at: Date, timeZone: string): string {
  return localDateOf(at.getTime(), timeZone);
}
