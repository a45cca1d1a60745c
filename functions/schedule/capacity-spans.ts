// Where the video system has a free scheduled place, from bookings or the database's bucket counters; pure.
import type { Span } from './intervals.ts';
import type { Availability, BucketUsage } from './types.ts';

/** Capacity is counted in five-minute buckets, as in the database (capacity_buckets). */
export const BUCKET_MS = 5 * 60_000;

/** The buckets a span occupies: its start rounded down and its end rounded up to the five-minute grid. */
export function bucketBounds(start: number, end: number): Span {
  return [Math.floor(start / BUCKET_MS) * BUCKET_MS, Math.ceil(end / BUCKET_MS) * BUCKET_MS];
}

/** Spans within [from, to) where one more session (of `sessionWeight`) fits the scheduled limit (capacity minus reserve). */
export function capacityFreeSpans(availability: Availability, from: number, to: number): Span[] {
  const { maxConcurrentSessions, adhocReserve, maintenance } = availability.capacity;
  if (maxConcurrentSessions - adhocReserve <= 0) return [];
  const weight = availability.sessionWeight ?? 1;
  const starts: number[] = [];
  const ends: number[] = [];
  const usage = availability.capacityUsage ?? [];
  if (!availability.capacityUsage) {
    for (const b of availability.bookings) {
      if (b.id === availability.ignoreBookingId || b.end <= from || b.start >= to) continue;
      const [start, end] = bucketBounds(b.start, b.end);
      starts.push(start);
      ends.push(end);
    }
  }
  const windows = maintenance
    .filter((m) => m.end > from && m.start < to)
    .map((m) => {
      const [start, end] = bucketBounds(m.start, m.end);
      return { start, end, capacity: m.capacity };
    });
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
    if (used + (inBucket ? bucket.used : 0) + weight <= cap - adhocReserve) {
      const last = free[free.length - 1];
      if (last && last[1] === t) free[free.length - 1] = [last[0], next];
      else free.push([t, next]);
    }
    t = next;
  }
  return free;
}
