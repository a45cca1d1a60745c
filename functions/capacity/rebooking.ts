// Which bookings to flag for rebooking when capacity drops below what is already booked; pure.
import { bucketBounds } from '../schedule/slot-engine.ts';

/** A five-minute bucket whose sessions exceed its scheduled limit. */
export interface OverflowBucket {
  start: number;
  capacity: number;
  reserve: number;
}

export interface LiveSession {
  id: string;
  start: number;
  end: number;
  kind: 'scheduled' | 'adhoc';
  createdAt: number;
  /** Already flagged earlier: counts as taken care of. */
  flagged: boolean;
  /** Only appointments that have not started are flagged; running ones just count. */
  movable: boolean;
}

/**
 * The scheduled bookings to flag so that, once they are moved, no bucket holds more sessions than
 * its capacity minus the ad-hoc reserve. Buckets are handled in time order and the most recently
 * made bookings are flagged first (first come, first kept); ad-hoc sessions are never flagged.
 *
 * @example pickBookingsToFlag([{ start: t, capacity: 1, reserve: 0 }], [a, b]) // -> [newer of a and b]
 */
export function pickBookingsToFlag(
  buckets: readonly OverflowBucket[],
  sessions: readonly LiveSession[],
): string[] {
  const flagged = new Set(sessions.filter((s) => s.flagged).map((s) => s.id));
  const picked: string[] = [];
  const ordered = [...buckets].sort((a, b) => a.start - b.start);
  for (const bucket of ordered) {
    const inBucket = sessions.filter((s) => {
      const [start, end] = bucketBounds(s.start, s.end);
      return start <= bucket.start && end > bucket.start;
    });
    const scheduled = inBucket.filter((s) => s.kind === 'scheduled');
    const limit = Math.max(bucket.capacity - bucket.reserve, 0);
    const over = Math.min(inBucket.length - limit, scheduled.length);
    let need = over - scheduled.filter((s) => flagged.has(s.id)).length;
    if (need <= 0) continue;
    const candidates = scheduled
      .filter((s) => !flagged.has(s.id) && s.movable)
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    for (const s of candidates) {
      if (need-- <= 0) break;
      flagged.add(s.id);
      picked.push(s.id);
    }
  }
  return picked;
}
