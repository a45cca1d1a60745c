// A bulkhead for booking work: at most as many booking flows per pool as it has connections, the rest queue in memory.
import { isDatabaseUnavailable } from '../http/db-errors.ts';
import { AppError } from '../http/problem.ts';

/**
 * Bursts (hundreds of citizens on the same slot) would otherwise wait inside the pg pool and time out
 * there as 503s; queued here they get their 201 or 409 in turn and leave connections for other requests.
 * When a booking fails because the database is unavailable (down, or hung past the request budget of
 * functions/db/connect.ts), the queue is answered 503 at once instead of each waiter trying in turn,
 * so every request still answers within its 3 s budget; the next success opens the gate again.
 */
const MAX_CONCURRENT = 8;
const MAX_WAITING = 5_000;
/** How long after a failure new bookings are refused without trying. */
const UNAVAILABLE_MS = 1_000;

interface Waiter {
  admit(): void;
  refuse(error: AppError): void;
}

interface Gate {
  active: number;
  waiting: Waiter[];
  unavailableUntil: number;
}

const gates = new WeakMap<object, Gate>();

export interface GateOwner {
  db: object;
  config: { DB_POOL_MAX: number };
}

function unavailable(): AppError {
  return new AppError('database_unavailable', {
    retryAfterSeconds: 2,
    detail: 'Bookings are not possible right now. Please try again shortly.',
  });
}

export async function withBookingGate<T>(owner: GateOwner, work: () => Promise<T>): Promise<T> {
  let gate = gates.get(owner.db);
  if (!gate) {
    gate = { active: 0, waiting: [], unavailableUntil: 0 };
    gates.set(owner.db, gate);
  }
  const g = gate;
  if (g.active >= Math.min(MAX_CONCURRENT, owner.config.DB_POOL_MAX)) {
    if (g.waiting.length >= MAX_WAITING || Date.now() < g.unavailableUntil) throw unavailable();
    await new Promise<void>((admit, refuse) => g.waiting.push({ admit, refuse }));
  } else g.active++;
  try {
    const result = await work();
    g.unavailableUntil = 0;
    return result;
  } catch (error) {
    if (
      isDatabaseUnavailable(error) ||
      (error instanceof AppError && error.code === 'database_unavailable')
    ) {
      g.unavailableUntil = Date.now() + UNAVAILABLE_MS;
      for (const waiter of g.waiting.splice(0)) waiter.refuse(unavailable());
    }
    throw error;
  } finally {
    const next = g.waiting.shift();
    if (next) next.admit();
    else g.active--;
  }
}
