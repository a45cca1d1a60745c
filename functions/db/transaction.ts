// Runs a booking transaction and retries it on serialization failures and deadlocks, which PostgreSQL may raise under load.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.ts';
import { sqlState } from './errors.ts';

/** SQLSTATEs after which the whole transaction may simply run again. */
const RETRYABLE = new Set(['40001', '40P01', '23P01', '23505']);

export interface RetryOptions {
  attempts?: number;
}

/**
 * Runs `work` in a READ COMMITTED transaction; retries the whole transaction on 40001/40P01 (and on a
 * unique or exclusion violation that slipped past ON CONFLICT) with a short jittered backoff.
 */
export function runBookingTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  return retryTransient(() => db.transaction().execute(work), options);
}

/** Runs `work` (one transaction or one autocommit statement) again after the same transient failures. */
export async function retryTransient<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const state = sqlState(error);
      if (!state || !RETRYABLE.has(state) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}
