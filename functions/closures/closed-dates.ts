// Which local dates each counsellor cannot be booked on: public holidays of their site's state and closing days; pure.
import type { FederalState } from '../db/federal-states.ts';
import { publicHolidays } from './holidays.ts';

export interface CounsellorPlace {
  id: string;
  siteId: string | null;
  /** The site's federal state; null when the site has none or the counsellor has no site. */
  federalState: FederalState | null;
}

export interface ClosingDay {
  date: string;
  /** null: the whole agency. */
  siteId: string | null;
}

/**
 * Closed local dates per counsellor from `fromDate` to `toDate` (inclusive): the public holidays of
 * the counsellor's federal state (the site's, else `defaultState`, else the nationwide ones), the
 * agency's closing days and those of the counsellor's site. Counsellors without one are left out.
 *
 * @example closedDatesByCounsellor([{ id: 'a', siteId: null, federalState: null }], [], null, '2026-12-24', '2026-12-26')
 * // -> Map { 'a' => ['2026-12-25', '2026-12-26'] }
 */
export function closedDatesByCounsellor(
  counsellors: readonly CounsellorPlace[],
  closingDays: readonly ClosingDay[],
  defaultState: FederalState | null,
  fromDate: string,
  toDate: string,
): Map<string, string[]> {
  const holidays = new Map<string, string[]>();
  const out = new Map<string, string[]>();
  for (const c of counsellors) {
    const state = c.federalState ?? defaultState;
    const key = state ?? '';
    let dates = holidays.get(key);
    if (!dates) {
      dates = publicHolidays(state, fromDate, toDate).map((h) => h.date);
      holidays.set(key, dates);
    }
    const own = closingDays
      .filter((d) => d.date >= fromDate && d.date <= toDate && (d.siteId === null || d.siteId === c.siteId))
      .map((d) => d.date);
    const all = [...new Set([...dates, ...own])].sort();
    if (all.length > 0) out.set(c.id, all);
  }
  return out;
}
