// A bulkhead for booking work: at most a few booking flows per process use the database at once, the rest queue in memory.
import { AppError } from '../http/problem.ts';

/**
 * Bursts (hundreds of citizens on the same slot) would otherwise wait inside the pg pool and time out
 * there as 503s; queued here they get their 201 or 409 in turn and leave connections for other requests.
 */
const CONCURRENT = 8;
const MAX_WAITING = 5_000;

interface Gate {
  active: number;
  waiting: (() => void)[];
}

const gates = new WeakMap<object, Gate>();

export async function withBookingGate<T>(key: object, work: () => Promise<T>): Promise<T> {
  let gate = gates.get(key);
  if (!gate) {
    gate = { active: 0, waiting: [] };
    gates.set(key, gate);
  }
  const g = gate;
  if (g.active >= CONCURRENT) {
    if (g.waiting.length >= MAX_WAITING) {
      throw new AppError('database_unavailable', {
        retryAfterSeconds: 2,
        detail: 'Too many bookings at once.',
      });
    }
    await new Promise<void>((resolve) => g.waiting.push(resolve));
  } else g.active++;
  try {
    return await work();
  } finally {
    const next = g.waiting.shift();
    if (next) next();
    else g.active--;
  }
}
