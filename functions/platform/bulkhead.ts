// A bulkhead: at most `maxConcurrent` flows at a time, the rest queue in memory; while the database is
// unavailable the queue is answered at once. One per app instance (the booking gate, functions/app/deps.ts).
import { isDatabaseUnavailable } from '../db/errors.ts';

/**
 * Bursts (hundreds of citizens on the same slot) would otherwise wait inside the pg pool and time out
 * there as 503s; queued here they get their answer in turn and leave connections for other requests.
 * When a flow fails because the database is unavailable (down, or hung past the request budget of
 * functions/db/connect.ts), the queue is refused at once instead of each waiter trying in turn, so
 * every request still answers within its 3 s budget; the next success opens the gate again.
 */
export interface BulkheadOptions {
  maxConcurrent: number;
  maxWaiting: number;
  /** How long after a failure new flows are refused without trying. */
  unavailableMs: number;
  /** The error a refused flow gets. */
  refusal: () => Error;
  now?: () => number;
}

interface Waiter {
  admit(): void;
  refuse(error: Error): void;
}

export class Bulkhead {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private unavailableUntil = 0;
  private readonly now: () => number;

  constructor(private readonly options: BulkheadOptions) {
    this.now = options.now ?? Date.now;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const o = this.options;
    if (this.active >= o.maxConcurrent) {
      if (this.waiting.length >= o.maxWaiting || this.now() < this.unavailableUntil) throw o.refusal();
      await new Promise<void>((admit, refuse) => this.waiting.push({ admit, refuse }));
    } else this.active++;
    try {
      const result = await work();
      this.unavailableUntil = 0;
      return result;
    } catch (error) {
      if (isDatabaseUnavailable(error) || isRefusal(error, o.refusal)) {
        this.unavailableUntil = this.now() + o.unavailableMs;
        for (const waiter of this.waiting.splice(0)) waiter.refuse(o.refusal());
      }
      throw error;
    } finally {
      const next = this.waiting.shift();
      if (next) next.admit();
      else this.active--;
    }
  }
}

/** True for an error of the same kind as the refusal (a nested flow refused by its own gate). */
function isRefusal(error: unknown, refusal: () => Error): boolean {
  const sample = refusal();
  return (
    error instanceof Error &&
    error.constructor === sample.constructor &&
    (error as { code?: unknown }).code === (sample as { code?: unknown }).code
  );
}
