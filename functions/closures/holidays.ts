// Public holidays per German federal state, from the maintained feiertagejs tables; pure.
import { getHolidays } from 'feiertagejs';
import type { FederalState } from '../db/federal-states.ts';

export interface Holiday {
  date: string;
  /** feiertagejs's key, e.g. ERSTERWEIHNACHTSFEIERTAG. */
  key: string;
  name: string;
}

const byYear = new Map<string, readonly Holiday[]>();

/**
 * Public holidays from `fromDate` to `toDate` (inclusive, `YYYY-MM-DD`) in a federal state, or the
 * nationwide ones when `state` is null. Sundays that the library lists (Easter, Whit Sunday) are
 * kept: they close nothing that was open.
 *
 * @example publicHolidays('BY', '2026-12-20', '2026-12-31') // -> 25 and 26 December
 */
export function publicHolidays(state: FederalState | null, fromDate: string, toDate: string): Holiday[] {
  const out: Holiday[] = [];
  const first = Number(fromDate.slice(0, 4));
  const last = Number(toDate.slice(0, 4));
  for (let year = first; year <= last; year++) {
    for (const h of holidaysOf(state, year)) if (h.date >= fromDate && h.date <= toDate) out.push(h);
  }
  return out;
}

function holidaysOf(state: FederalState | null, year: number): readonly Holiday[] {
  const key = `${state ?? 'BUND'}|${year}`;
  let list = byYear.get(key);
  if (!list) {
    // The library's tables are immutable per year and state; this memo holds at most a few hundred rows.
    list = getHolidays(year, state ?? 'BUND').map((h) => ({
      date: h.dateString,
      key: h.name,
      name: h.translate('de') ?? h.name,
    }));
    byYear.set(key, list);
  }
  return list;
}
