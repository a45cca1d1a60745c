// Hourly capacity forecast (pure): booked concurrent sessions against the video system's capacity.

export const BUCKET_MINUTES = 5;
const BUCKET_MS = BUCKET_MINUTES * 60_000;
const HOUR_MS = 3_600_000;

export interface ForecastInput {
  /** Start of the first hour (aligned to a full hour). */
  from: Date;
  hours: number;
  sessions: readonly { start: Date; end: Date }[];
  maxConcurrent: number;
  reserve: number;
  /** Maintenance windows lowering the capacity to `capacity` while they last. */
  windows: readonly { start: Date; end: Date; capacity: number }[];
}

export interface ForecastHour {
  start: string;
  /** The most sessions booked at the same time within the hour. */
  booked: number;
  /** The lowest total capacity within the hour. */
  capacity: number;
  /** Capacity open to scheduled bookings (capacity minus the ad-hoc reserve). */
  bookable: number;
}

/**
 * Peak booked concurrency and lowest capacity per hour, on the five-minute grid the booking
 * transaction uses.
 *
 * @example
 * hourlyForecast({ from: new Date('2026-12-03T09:00:00Z'), hours: 1, maxConcurrent: 8, reserve: 1, windows: [],
 *   sessions: [{ start: new Date('2026-12-03T09:00:00Z'), end: new Date('2026-12-03T09:30:00Z') }] })
 * // → [{ start: '2026-12-03T09:00:00.000Z', booked: 1, capacity: 8, bookable: 7 }]
 */
export function hourlyForecast(input: ForecastInput): ForecastHour[] {
  const perHour = HOUR_MS / BUCKET_MS;
  const buckets = input.hours * perHour;
  const origin = input.from.getTime();
  const diff = new Int32Array(buckets + 1);
  const index = (t: number, round: (x: number) => number) =>
    Math.min(buckets, Math.max(0, round((t - origin) / BUCKET_MS)));
  for (const s of input.sessions) {
    const a = index(s.start.getTime(), Math.floor);
    const b = index(s.end.getTime(), Math.ceil);
    if (b <= a) continue;
    diff[a] = (diff[a] ?? 0) + 1;
    diff[b] = (diff[b] ?? 0) - 1;
  }
  const capacity = new Int32Array(buckets).fill(input.maxConcurrent);
  for (const w of input.windows) {
    const a = index(w.start.getTime(), Math.floor);
    const b = index(w.end.getTime(), Math.ceil);
    for (let i = a; i < b; i++) capacity[i] = Math.min(capacity[i] ?? 0, w.capacity);
  }
  const out: ForecastHour[] = [];
  let running = 0;
  for (let h = 0; h < input.hours; h++) {
    let booked = 0;
    let cap = Number.POSITIVE_INFINITY;
    for (let i = h * perHour; i < (h + 1) * perHour; i++) {
      running += diff[i] ?? 0;
      booked = Math.max(booked, running);
      cap = Math.min(cap, capacity[i] ?? 0);
    }
    out.push({
      start: new Date(origin + h * HOUR_MS).toISOString(),
      booked,
      capacity: cap,
      bookable: Math.max(0, cap - input.reserve),
    });
  }
  return out;
}

/** The capacity in force at one instant. */
export function capacityAt(
  at: Date,
  maxConcurrent: number,
  windows: readonly { start: Date; end: Date; capacity: number }[],
): number {
  let cap = maxConcurrent;
  for (const w of windows) if (w.start <= at && at < w.end) cap = Math.min(cap, w.capacity);
  return cap;
}
