// The booking gate: a bulkhead of at most as many booking flows per pool as it has connections.
import type { Config } from '../env.ts';
import { Bulkhead } from '../platform/bulkhead.ts';

const MAX_CONCURRENT = 8;
const MAX_WAITING = 5_000;
const UNAVAILABLE_MS = 1_000;

/** A booking flow the gate did not let in: the queue is full, or the database failed a moment ago. */
export class BookingGateRefused extends Error {
  constructor() {
    super('the booking gate refused the flow');
    this.name = 'BookingGateRefused';
  }
}

export function createBookingGate(config: Pick<Config, 'DB_POOL_MAX'>): Bulkhead {
  return new Bulkhead({
    maxConcurrent: Math.min(MAX_CONCURRENT, config.DB_POOL_MAX),
    maxWaiting: MAX_WAITING,
    unavailableMs: UNAVAILABLE_MS,
    refusal: () => new BookingGateRefused(),
  });
}
