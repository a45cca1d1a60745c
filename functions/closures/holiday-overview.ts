// The public holidays the console shows: one list per federal state in use (the default and each site's).
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { FederalState } from '../db/federal-states.ts';
import { type Holiday, publicHolidays } from './holidays.ts';

export interface HolidayRegion {
  /** null: nationwide holidays only (no state configured). */
  federalState: FederalState | null;
  /** Sites using this state; `default` marks the one counsellors without a site state use. */
  sites: string[];
  default: boolean;
  holidays: Holiday[];
}

export async function holidaysBySiteRegion(
  db: Kysely<Database>,
  defaultState: FederalState | '',
  fromDate: string,
  toDate: string,
): Promise<HolidayRegion[]> {
  const sites = await db.selectFrom('sites').select(['name', 'federal_state']).orderBy('name').execute();
  const regions = new Map<FederalState | null, HolidayRegion>();
  const regionOf = (state: FederalState | null) => {
    let r = regions.get(state);
    if (!r) {
      r = {
        federalState: state,
        sites: [],
        default: false,
        holidays: publicHolidays(state, fromDate, toDate),
      };
      regions.set(state, r);
    }
    return r;
  };
  regionOf(defaultState || null).default = true;
  for (const s of sites) regionOf(s.federal_state ?? (defaultState || null)).sites.push(s.name);
  return [...regions.values()];
}
