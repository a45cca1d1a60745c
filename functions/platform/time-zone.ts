// Wall-clock days in a time zone as instants, correct across daylight-saving changes; pure (Intl only, memoised).
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One local calendar day: where it starts and ends in absolute time, and the offset change inside it, if any. */
export interface LocalDay {
  date: string;
  /** Date.UTC of the date: the wall clock read as if it were UTC. */
  wall: number;
  /** First instant of the day and first instant of the next day (epoch ms). */
  start: number;
  end: number;
  /** UTC offsets (ms) before and from `transition` on; equal when the day has no change. */
  offsetBefore: number;
  offsetAfter: number;
  transition: number;
  /** ISO weekday, 1 = Monday .. 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const days = new Map<string, LocalDay>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const offsets = new Map<string, number>();
const BLOCK = 15 * MINUTE;

/**
 * The zone's UTC offset in ms at an instant (positive east of Greenwich). Memoised per quarter hour:
 * offsets change only at quarter-hour boundaries, and Intl is slow in some runtimes.
 */
export function offsetAt(instant: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instant / BLOCK)}`;
  const hit = offsets.get(key);
  if (hit !== undefined) return hit;
  const offset = computeOffset(Math.floor(instant / BLOCK) * BLOCK, timeZone);
  if (offsets.size > 20_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

function computeOffset(instant: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour') % 24,
    get('minute'),
    get('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** `YYYY-MM-DD` -> Date.UTC of that date, or NaN for anything that is not a real date. */
export function parseDate(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
    ? t
    : Number.NaN;
}

export function formatDate(wall: number): string {
  const d = new Date(wall);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

export function addDays(date: string, n: number): string {
  return formatDate(parseDate(date) + n * DAY);
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDate(b) - parseDate(a)) / DAY);
}

/** The local calendar date of an instant. */
export function localDateOf(instant: number, timeZone: string): string {
  return formatDate(instant + offsetAt(instant, timeZone));
}

/** The local day `date` in `timeZone` (memoised; a day's shape never changes). */
export function localDay(date: string, timeZone: string): LocalDay {
  const key = `${timeZone}|${date}`;
  const cached = days.get(key);
  if (cached) return cached;
  const wall = parseDate(date);
  if (Number.isNaN(wall)) throw new RangeError(`not a date: ${date}`);
  // Every zone's offset lies within -12h..+14h, so these two instants bracket the whole local day.
  let lo = wall - 14 * HOUR;
  let hi = wall + DAY + 12 * HOUR;
  const oLo = offsetAt(lo, timeZone);
  const oHi = offsetAt(hi, timeZone);
  let transition = Number.POSITIVE_INFINITY;
  if (oLo !== oHi) {
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
      if (offsetAt(mid, timeZone) === oLo) lo = mid;
      else hi = mid;
    }
    transition = hi;
  }
  const first = (w: number) => {
    const before = w - oLo;
    if (before < transition) return before;
    const after = w - oHi;
    return Math.max(after, transition);
  };
  const start = first(wall);
  const end = first(wall + DAY);
  const inside = transition > start && transition < end;
  const offsetBefore = inside || transition > start ? oLo : oHi;
  const day: LocalDay = {
    date,
    wall,
    start,
    end,
    offsetBefore,
    offsetAfter: inside ? oHi : offsetBefore,
    transition: inside ? transition : end,
    weekday: ((new Date(wall).getUTCDay() + 6) % 7) + 1,
  };
  if (days.size > 5000) days.clear();
  days.set(key, day);
  return day;
}

/** The offset in force at an instant inside `day`. */
export function offsetIn(day: LocalDay, instant: number): number {
  return instant < day.transition ? day.offsetBefore : day.offsetAfter;
}

/**
 * The instant a wall-clock minute of the day maps to. In a gap (spring forward) it is the
 * transition; in a repeated hour (fall back) `pick` chooses the first or the last occurrence.
 * Minute 1440 is the end of the day.
 */
export function wallMinuteToInstant(day: LocalDay, minute: number, pick: 'first' | 'last'): number {
  if (minute >= 1440) return day.end;
  if (minute <= 0) return day.start;
  const w = day.wall + minute * MINUTE;
  const before = w - day.offsetBefore;
  const after = w - day.offsetAfter;
  const beforeOk = before < day.transition;
  const afterOk = after >= day.transition;
  if (beforeOk && afterOk) return pick === 'first' ? before : after;
  if (beforeOk) return before;
  if (afterOk) return after;
  return day.transition;
}

/** ISO 8601 with the zone's offset, e.g. `2026-12-03T10:00:00+01:00`. */
export function formatInstant(instant: number, offset: number): string {
  const local = new Date(instant + offset).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / MINUTE;
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

/** Formats an instant in a zone without a LocalDay at hand. */
export function formatInZone(instant: number, timeZone: string): string {
  return formatInstant(instant, offsetAt(instant, timeZone));
}
