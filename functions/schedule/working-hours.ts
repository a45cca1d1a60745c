// Weekly working hours laid out over real days in a time zone, across midnight and DST; pure.

import { addDays, daysBetween, localDateOf, localDay, wallMinuteToInstant } from '../platform/time-zone.ts';
import { mergeSpans, type Span } from './intervals.ts';
import type { WeeklyHours } from './types.ts';

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

/** Weekly hours laid out over real days from `fromDate` to `toDate`, merged across midnight. */
export function workingSpans(
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
export function hoursKey(hours: readonly WeeklyHours[]): string {
  return hours
    .map((h) => `${h.weekday}/${h.start}/${h.end}`)
    .sort()
    .join(',');
}

function minuteOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}
