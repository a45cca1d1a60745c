// The slot engine: free, capacity-aware appointment times from working hours, absences, bookings and capacity; pure.
import { intersectClosed, mergeSpans, type Span, subtractSpans, unionClosed } from './intervals.ts';
import {
  addDays,
  daysBetween,
  type LocalDay,
  localDateOf,
  localDay,
  offsetAt,
  wallMinuteToInstant,
} from './time-zone.ts';

const MINUTE = 60_000;
/** Capacity is counted in five-minute buckets, as in the database (capacity_buckets). */
export const BUCKET_MS = 5 * MINUTE;

export interface ServiceRules {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  slotStepMinutes: number;
}

/** Weekly hours in the service time zone; weekday 1 = Monday .. 7 = Sunday; times `HH:MM[:SS]`, end may be 24:00. */
export interface WeeklyHours {
  weekday: number;
  start: string;
  end: string;
}

export interface CounsellorHours {
  id: string;
  hours: readonly WeeklyHours[];
}

/** Times are epoch milliseconds; intervals are half-open [start, end). */
export interface BusyPeriod {
  counsellorId: string;
  start: number;
  end: number;
}

export interface ExistingBooking {
  id: string;
  counsellorId: string;
  /** The video session. */
  start: number;
  end: number;
  /** The counsellor's time including buffers. */
  blockedStart: number;
  blockedEnd: number;
}

export interface MaintenanceWindow {
  start: number;
  end: number;
  capacity: number;
}

export interface BucketUsage {
  start: number;
  used: number;
}

export interface CapacityModel {
  maxConcurrentSessions: number;
  adhocReserve: number;
  maintenance: readonly MaintenanceWindow[];
}

export interface Availability {
  timeZone: string;
  /** Counsellors with the service's skill. */
  counsellors: readonly CounsellorHours[];
  /** Absences, and any booked time already merged per counsellor. */
  busy: readonly BusyPeriod[];
  /**
   * Live bookings that may overlap the range: their blocked time keeps the counsellor busy and,
   * unless `capacityUsage` is given, their sessions count against capacity.
   */
  bookings: readonly ExistingBooking[];
  capacity: CapacityModel;
  /** Sessions per five-minute bucket, sorted by start (the database's counters); replaces counting `bookings`. */
  capacityUsage?: readonly BucketUsage[];
  /** A booking to ignore, e.g. the one being rescheduled. */
  ignoreBookingId?: string;
}

export interface Slot {
  start: number;
  end: number;
}

export interface DaySlots {
  date: string;
  slots: Slot[];
}

/**
 * Free slots for each local date from `from` to `to` (inclusive). A start is listed when it lies on
 * the service's wall-clock grid (minutes since local midnight divisible by the step), respects the
 * minimum notice and the horizon (the local date is at most `horizonDays` after today), at least one
 * counsellor is working, present and unbooked for the whole blocked time (buffers included), and the
 * video system has a free place, above the ad-hoc reserve, in every five-minute bucket of the session.
 *
 * @example computeSlots(rules, availability, Date.parse('2026-12-01T09:00Z'), '2026-12-03', '2026-12-03')
 * // -> [{ date: '2026-12-03', slots: [{ start: <08:00 local>, end: <08:30 local> }, ...] }]
 */
export function computeSlots(
  rules: ServiceRules,
  availability: Availability,
  now: number,
  from: string,
  to: string,
): DaySlots[] {
  const tz = availability.timeZone;
  const dayCount = daysBetween(from, to) + 1;
  const localDays: LocalDay[] = [];
  for (let i = 0; i < dayCount; i++) localDays.push(localDay(addDays(from, i), tz));
  const result: DaySlots[] = localDays.map((d) => ({ date: d.date, slots: [] }));
  const first = localDays[0];
  const last = localDays[localDays.length - 1];
  if (!first || !last) return result;

  const lastBookable = addDays(localDateOf(now, tz), rules.horizonDays);
  const earliest = now + rules.minNoticeMinutes * MINUTE;
  const window: Span = [Math.max(first.start, earliest), last.end - 1];
  if (window[0] > window[1]) return result;

  const starts = intersectClosed(
    intersectClosed(counsellorStartRanges(rules, availability, first.date, last.date), [window]),
    capacityStartRanges(rules, availability, window),
  );
  const step = rules.slotStepMinutes;
  const duration = rules.durationMinutes * MINUTE;
  let r = 0;
  for (let d = 0; d < localDays.length; d++) {
    const day = localDays[d] as LocalDay;
    if (day.date > lastBookable) break;
    const out = (result[d] as DaySlots).slots;
    while (r < starts.length && (starts[r] as Span)[1] < day.start) r++;
    for (let k = r; k < starts.length && (starts[k] as Span)[0] < day.end; k++) {
      const [lo, hi] = starts[k] as Span;
      forEachGridStart(day, step, lo, Math.min(hi, day.end - 1), (start) => {
        out.push({ start, end: start + duration });
      });
    }
  }
  return result;
}

/** Counsellors free for the whole blocked time of a session starting at `start` (working, present, unbooked). */
export function freeCounsellorsAt(rules: ServiceRules, availability: Availability, start: number): string[] {
  const blockedStart = start - rules.bufferBeforeMinutes * MINUTE;
  const blockedEnd = start + (rules.durationMinutes + rules.bufferAfterMinutes) * MINUTE;
  const fromDate = addDays(localDateOf(blockedStart, availability.timeZone), -1);
  const toDate = addDays(localDateOf(blockedEnd, availability.timeZone), 1);
  const busy = busyByCounsellor(availability);
  return availability.counsellors
    .filter((c) =>
      freeSpans(c, busy.get(c.id), availability.timeZone, fromDate, toDate).some(
        ([s, e]) => s <= blockedStart && e >= blockedEnd,
      ),
    )
    .map((c) => c.id);
}

/** True when a session from `start` to `end` fits the video system's capacity (all buckets below the limit). */
export function capacityAllows(availability: Availability, start: number, end: number): boolean {
  const from = Math.floor(start / BUCKET_MS) * BUCKET_MS;
  const to = Math.ceil(end / BUCKET_MS) * BUCKET_MS;
  return capacityFreeSpans(availability, from, to).some(([s, e]) => s <= from && e >= to);
}

/** True when a blocked period lies within the counsellor's weekly hours (for a re-check after locks). */
export function withinWorkingHours(
  hours: readonly WeeklyHours[],
  timeZone: string,
  blockedStart: number,
  blockedEnd: number,
): boolean {
  return workingCheck(timeZone, blockedStart, blockedEnd)(hours);
}

/**
 * A test "do these weekly hours cover [blockedStart, blockedEnd)?" for many counsellors at once;
 * counsellors with the same hours share one answer.
 */
export function workingCheck(
  timeZone: string,
  blockedStart: number,
  blockedEnd: number,
): (hours: readonly WeeklyHours[]) => boolean {
  const fromDate = addDays(localDateOf(blockedStart, timeZone), -1);
  const toDate = addDays(localDateOf(blockedEnd, timeZone), 1);
  const answers = new Map<string, boolean>();
  return (hours) => {
    const key = hoursKey(hours);
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = workingSpans(hours, timeZone, fromDate, toDate).some(
        ([s, e]) => s <= blockedStart && e >= blockedEnd,
      );
      answers.set(key, answer);
    }
    return answer;
  };
}

export type StartCheck =
  | { ok: true }
  | { ok: false; reason: 'off_grid' | 'in_past' | 'too_soon' | 'beyond_horizon' };

/** Whether `start` is a start time the service offers at all, before looking at who is free. */
export function checkStart(rules: ServiceRules, timeZone: string, now: number, start: number): StartCheck {
  if (!Number.isFinite(start) || start % MINUTE !== 0) return { ok: false, reason: 'off_grid' };
  const offset = offsetAt(start, timeZone);
  const minuteOfDay = ((((start + offset) / MINUTE) % 1440) + 1440) % 1440;
  if (minuteOfDay % rules.slotStepMinutes !== 0 || start % BUCKET_MS !== 0)
    return { ok: false, reason: 'off_grid' };
  if (start <= now) return { ok: false, reason: 'in_past' };
  if (start < now + rules.minNoticeMinutes * MINUTE) return { ok: false, reason: 'too_soon' };
  if (localDateOf(start, timeZone) > addDays(localDateOf(now, timeZone), rules.horizonDays)) {
    return { ok: false, reason: 'beyond_horizon' };
  }
  return { ok: true };
}

/** Closed ranges of session starts for which at least one counsellor is free for the whole blocked time. */
function counsellorStartRanges(
  rules: ServiceRules,
  availability: Availability,
  fromDate: string,
  toDate: string,
): Span[] {
  const before = rules.bufferBeforeMinutes * MINUTE;
  const after = (rules.durationMinutes + rules.bufferAfterMinutes) * MINUTE;
  const busy = busyByCounsellor(availability);
  const lo: number[] = [];
  const hi: number[] = [];
  const shared = new Map<string, Span[]>();
  // One day either side, so that hours across midnight and buffers at the range's edge count.
  const from = addDays(fromDate, -1);
  const to = addDays(toDate, 1);
  for (const c of availability.counsellors) {
    const key = hoursKey(c.hours);
    let working = shared.get(key);
    if (!working) {
      working = workingSpans(c.hours, availability.timeZone, from, to);
      shared.set(key, working);
    }
    const own = busy.get(c.id);
    for (const [s, e] of own ? subtractSpans(working, own) : working) {
      if (e - s >= before + after) {
        lo.push(s + before);
        hi.push(e - after);
      }
    }
  }
  return unionClosed(Float64Array.from(lo), Float64Array.from(hi));
}

/** Absences and bookings per counsellor, merged and sorted. */
function busyByCounsellor(availability: Availability): Map<string, Span[]> {
  const raw = new Map<string, Span[]>();
  for (const c of availability.counsellors) raw.set(c.id, []);
  const add = (id: string, span: Span) => raw.get(id)?.push(span);
  for (const a of availability.busy) add(a.counsellorId, [a.start, a.end]);
  for (const b of availability.bookings) {
    if (b.id !== availability.ignoreBookingId) add(b.counsellorId, [b.blockedStart, b.blockedEnd]);
  }
  const out = new Map<string, Span[]>();
  for (const [id, spans] of raw) out.set(id, mergeSpans(spans));
  return out;
}

function freeSpans(
  counsellor: CounsellorHours,
  busy: Span[] | undefined,
  timeZone: string,
  fromDate: string,
  toDate: string,
): Span[] {
  const working = workingSpans(counsellor.hours, timeZone, fromDate, toDate);
  return busy ? subtractSpans(working, busy) : working;
}

/** Weekly hours laid out over real days from `fromDate` to `toDate`, merged across midnight. */
function workingSpans(
  hours: readonly WeeklyHours[],
  timeZone: string,
  fromDate: string,
  toDate: string,
): Span[] {
  if (hours.length === 0) return [];
  const byDay = new Map<number, [number, number][]>();
  for (const h of hours) {
    const list = byDay.get(h.weekday) ?? [];
    list.push([minuteOf(h.start), minuteOf(h.end)]);
    byDay.set(h.weekday, list);
  }
  const spans: Span[] = [];
  const n = daysBetween(fromDate, toDate);
  for (let i = 0; i <= n; i++) {
    const day = localDay(addDays(fromDate, i), timeZone);
    const list = byDay.get(day.weekday);
    if (!list) continue;
    for (const [s, e] of list) {
      const start = wallMinuteToInstant(day, s, 'first');
      const end = wallMinuteToInstant(day, e, 'last');
      if (start < end) spans.push([start, end]);
    }
  }
  return mergeSpans(spans);
}

/** Counsellors with the same weekly hours share one layout of them. */
function hoursKey(hours: readonly WeeklyHours[]): string {
  return hours
    .map((h) => `${h.weekday}/${h.start}/${h.end}`)
    .sort()
    .join(',');
}

function minuteOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/**
 * Closed ranges of session starts whose whole session fits into buckets with a free scheduled place.
 * Sessions occupy the buckets from their start rounded down to their end rounded up (ad-hoc sessions
 * do not sit on the grid), and a maintenance window lowers every bucket it touches.
 */
function capacityStartRanges(rules: ServiceRules, availability: Availability, window: Span): Span[] {
  const duration = rules.durationMinutes * MINUTE;
  const from = Math.floor(window[0] / BUCKET_MS) * BUCKET_MS;
  const to = Math.ceil((window[1] + duration) / BUCKET_MS) * BUCKET_MS;
  const out: Span[] = [];
  for (const [s, e] of capacityFreeSpans(availability, from, to)) {
    if (e - s >= duration) out.push([s, e - duration]);
  }
  return out;
}

/** Spans within [from, to) where live sessions stay below the scheduled limit (capacity minus reserve). */
function capacityFreeSpans(availability: Availability, from: number, to: number): Span[] {
  const { maxConcurrentSessions, adhocReserve, maintenance } = availability.capacity;
  if (maxConcurrentSessions - adhocReserve <= 0) return [];
  const starts: number[] = [];
  const ends: number[] = [];
  const usage = availability.capacityUsage ?? [];
  if (!availability.capacityUsage) {
    for (const b of availability.bookings) {
      if (b.id === availability.ignoreBookingId || b.end <= from || b.start >= to) continue;
      starts.push(Math.floor(b.start / BUCKET_MS) * BUCKET_MS);
      ends.push(Math.ceil(b.end / BUCKET_MS) * BUCKET_MS);
    }
  }
  const windows = maintenance
    .filter((m) => m.end > from && m.start < to)
    .map((m) => ({
      start: Math.floor(m.start / BUCKET_MS) * BUCKET_MS,
      end: Math.ceil(m.end / BUCKET_MS) * BUCKET_MS,
      capacity: m.capacity,
    }));
  const S = Float64Array.from(starts).sort();
  const E = Float64Array.from(ends).sort();
  const W = Float64Array.from(windows.flatMap((w) => [w.start, w.end])).sort();
  const free: Span[] = [];
  let i = 0;
  let j = 0;
  let w = 0;
  let k = 0;
  let used = 0;
  let t = from;
  for (;;) {
    while (i < S.length && (S[i] as number) <= t) {
      used++;
      i++;
    }
    while (j < E.length && (E[j] as number) <= t) {
      used--;
      j++;
    }
    while (w < W.length && (W[w] as number) <= t) w++;
    while (k < usage.length && (usage[k] as BucketUsage).start + BUCKET_MS <= t) k++;
    if (t >= to) break;
    const bucket = usage[k];
    const inBucket = bucket !== undefined && bucket.start <= t;
    const bucketEdge = bucket === undefined ? to : inBucket ? bucket.start + BUCKET_MS : bucket.start;
    const next = Math.min(S[i] ?? to, E[j] ?? to, W[w] ?? to, bucketEdge, to);
    let cap = maxConcurrentSessions;
    for (const m of windows) if (m.start <= t && m.end > t && m.capacity < cap) cap = m.capacity;
    if (used + (inBucket ? bucket.used : 0) < cap - adhocReserve) {
      const last = free[free.length - 1];
      if (last && last[1] === t) free[free.length - 1] = [last[0], next];
      else free.push([t, next]);
    }
    t = next;
  }
  return free;
}

/** Calls `emit` for each wall-clock grid start of `day` within the closed range [lo, hi]. */
function forEachGridStart(
  day: LocalDay,
  step: number,
  lo: number,
  hi: number,
  emit: (start: number) => void,
): void {
  const segments: [number, number, number][] = [
    [day.start, day.transition, day.offsetBefore],
    [day.transition, day.end, day.offsetAfter],
  ];
  const stepMs = step * MINUTE;
  for (const [segStart, segEnd, offset] of segments) {
    const a = Math.max(lo, segStart);
    const b = Math.min(hi, segEnd - 1);
    if (a > b) continue;
    const wallMinute = Math.ceil((a + offset - day.wall) / stepMs) * step;
    for (let t = day.wall + wallMinute * MINUTE - offset; t <= b; t += stepMs) {
      if (t % BUCKET_MS === 0) emit(t);
    }
  }
}
