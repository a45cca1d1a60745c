// A bulkhead for booking work: at most as many booking flows per pool as it has connections, the rest queue in memory.
import { AppError } from '../http/problem.ts';

/**
 * Bursts (hundreds of citizens on the same slot) would otherwise wait inside the pg pool and time out
 * there as 503s; queued here they get their 201 or 409 in turn and leave connections for other requests.
 * A waiter gives up after MAX_WAIT_MS so that, with a hung database, the request still answers (503)
 * within its 3 s budget (see REQUEST_BUDGET in functions/db/connect.ts).
 */
const MAX_CONCURRENT = 8;
const MAX_WAITING = 5_000;
const MAX_WAIT_MS = 1_000;

interface Gate {
  active: number;
  waiting: Set<() => void>;
}

const gates = new WeakMap<object, Gate>();

export interface GateOwner {
  db: object;
  config: { DB_POOL_MAX: number };
}

function busy(): AppError {
  return new AppError('database_unavailable', { retryAfterSeconds: 2, detail: 'Too many bookings at once.' });
}

export async function withBookingGate<T>(owner: GateOwner, work: () => Promise<T>): Promise<T> {
  let gate = gates.get(owner.db);
  if (!gate) {
    gate = { active: 0, waiting: new Set() };
    gates.set(owner.db, gate);
  }
  const g = gate;
  if (g.active >= Math.min(MAX_CONCURRENT, owner.config.DB_POOL_MAX)) {
    if (g.waiting.size >= MAX_WAITING) throw busy();
    await new Promise<void>((resolve, reject) => {
      const admit = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        g.waiting.delete(admit);
        reject(busy());
      }, MAX_WAIT_MS);
      g.waiting.add(admit);
    });
  } else g.active++;
  try {
    return await work();
  } finally {
    const next = g.waiting.values().next().value;
    if (next) {
      g.waiting.delete(next);
      next();
    } else g.active--;
  }
}
