// The slot engine: free, capacity-aware appointment times from working hours, absences, bookings and capacity; pure.

import {
  addDays,
  daysBetween,
  type LocalDay,
  localDateOf,
  localDay,
  offsetAt,
} from '../platform/time-zone.ts';
import { BUCKET_MS, bucketBounds, capacityFreeSpans } from './capacity-spans.ts';
import { intersectClosed, mergeSpans, type Span, subtractSpans, unionClosed } from './intervals.ts';
import type { Availability, DaySlots, ServiceRules } from './types.ts';
import { hoursKey, workingSpans } from './working-hours.ts';

export { BUCKET_MS, bucketBounds } from './capacity-spans.ts';
export type * from './types.ts';
export { withinWorkingHours, workingCheck } from './working-hours.ts';

const MINUTE = 60_000;

/**
 * Free slots for each local date from `from` to `to` (inclusive). A start is listed when it lies on
 * the service's wall-clock grid (minutes since local midnight divisible by the step), respects the
 * minimum notice and the horizon (the local date is at most `horizonDays` after today), at least one
 * counsellor is working, present, unbooked and not on a closed day (public holiday, closing day) for
 * the whole blocked time (buffers included), and the
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

  let starts = intersectClosed(
    intersectClosed(counsellorStartRanges(rules, availability, first.date, last.date), [window]),
    capacityStartRanges(rules, availability, window),
  );
  if (availability.companions) {
    const { people, busy } = availability.companions;
    const companions = { ...availability, counsellors: people, busy, bookings: [], closedDates: undefined };
    starts = intersectClosed(starts, counsellorStartRanges(rules, companions, first.date, last.date));
  }
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

/**
 * The time a session starting at `start` keeps its counsellor busy: the buffer before, the session, the
 * buffer after. The one place this is computed; the database stores it as `bookings.blocked`.
 */
export function blockedSpan(rules: ServiceRules, start: number): { start: number; end: number } {
  return {
    start: start - rules.bufferBeforeMinutes * MINUTE,
    end: start + (rules.durationMinutes + rules.bufferAfterMinutes) * MINUTE,
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
  // A start t blocks [t - before, t + after].
  const span = blockedSpan(rules, 0);
  const before = -span.start;
  const after = span.end;
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
  for (const [id, dates] of availability.closedDates ?? []) {
    for (const date of dates) {
      const day = localDay(date, availability.timeZone);
      add(id, [day.start, day.end]);
    }
  }
  const out = new Map<string, Span[]>();
  for (const [id, spans] of raw) out.set(id, mergeSpans(spans));
  return out;
}

/**
 * Closed ranges of session starts whose whole session fits into buckets with a free scheduled place.
 * Sessions occupy the buckets from their start rounded down to their end rounded up (ad-hoc sessions
 * do not sit on the grid), and a maintenance window lowers every bucket it touches.
 */
function capacityStartRanges(rules: ServiceRules, availability: Availability, window: Span): Span[] {
  const duration = rules.durationMinutes * MINUTE;
  const [from, to] = bucketBounds(window[0], window[1] + duration);
  const out: Span[] = [];
  for (const [s, e] of capacityFreeSpans(availability, from, to)) {
    if (e - s >= duration) out.push([s, e - duration]);
  }
  return out;
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
