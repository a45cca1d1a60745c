// Pure date arithmetic for the month calendar on plain dates (YYYY-MM-DD), Monday first; no clock, no zone.

const pad = (n: number) => String(n).padStart(2, '0');

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function iso(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `2026-12-31`, 1 → `2027-01-01` */
export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** `2026-12`, 1 → `2027-01` */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function lastDayOf(month: string): string {
  return addDays(`${addMonths(month, 1)}-01`, -1);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return utc(date).getUTCDay() || 7;
}

/**
 * The month as weeks of seven cells, Monday first; cells outside the month are null.
 *
 * @example
 * monthWeeks('2026-12')[0] // → [null, '2026-12-01', '2026-12-02', …, '2026-12-06']
 */
export function monthWeeks(month: string): (string | null)[][] {
  const first = `${month}-01`;
  const last = lastDayOf(month);
  const weeks: (string | null)[][] = [];
  let week: (string | null)[] = Array(weekdayOf(first) - 1).fill(null);
  for (let d = first; d <= last; d = addDays(d, 1)) {
    week.push(d);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...Array(7 - week.length).fill(null)]);
  return weeks;
}

export type BusyLevel = 'none' | 'few' | 'some' | 'many';

/** How free a day is compared with the freest day shown: a third or less is `few`, two thirds or more `many`. */
export function busyLevel(freeSlots: number, mostFree: number): BusyLevel {
  if (freeSlots <= 0 || mostFree <= 0) return 'none';
  const share = freeSlots / mostFree;
  return share >= 2 / 3 ? 'many' : share > 1 / 3 ? 'some' : 'few';
}

/** The `count` slot starts nearest to `wanted`, earliest first among equals, returned in time order. */
export function nearestSlots<T extends { start: string }>(slots: T[], wanted: string, count: number): T[] {
  const at = Date.parse(wanted);
  return slots
    .filter((s) => s.start !== wanted)
    .map((s) => ({ s, d: Math.abs(Date.parse(s.start) - at), t: Date.parse(s.start) }))
    .sort((a, b) => a.d - b.d || a.t - b.t)
    .slice(0, count)
    .sort((a, b) => a.t - b.t)
    .map((x) => x.s);
}
