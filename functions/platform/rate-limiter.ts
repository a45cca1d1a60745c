// Rate limits shared by every process, counted in PostgreSQL: fixed windows (citizen endpoints) and
// decaying backoff (staff login), both keyed by client-keys.ts.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { BackoffPolicy, FailureState } from './backoff.ts';
import { blockedSeconds, forgetFailures, purgeBackoff, recordFailures } from './backoff-store.ts';

export type LimitResult =
  | { ok: true; count: number }
  | { ok: false; count: number; retryAfterSeconds: number };

/**
 * A limit every app process shares: `hit` counts one event for `key` in the current fixed window of
 * `windowMs` and says whether `limit` is exceeded; `peek` answers the same without counting.
 * Keys are `<scope>:<opaque>`; build the opaque part with clientKey() so no address is stored.
 */
export interface SharedLimiter {
  readonly enabled: boolean;
  hit(key: string, limit: number, windowMs: number, now: Date): Promise<LimitResult>;
  peek(key: string, limit: number, windowMs: number, now: Date): Promise<LimitResult>;
  /**
   * Decaying backoff: one more failure for each key, returning the states after it. Unlike the windows
   * it ignores RATE_LIMITS=off, which exists for load tests and must not switch off password guessing
   * protection.
   */
  fail(keys: { key: string; policy: BackoffPolicy }[], now: Date): Promise<FailureState[]>;
  /** Seconds the longest-blocked of `keys` must still wait, 0 when none is blocked. */
  blockedFor(keys: string[], now: Date): Promise<number>;
  /** Forgets the failures of `key` (after a success). */
  forgive(key: string): Promise<void>;
}

function windowOf(now: Date, windowMs: number): { start: Date; end: Date } {
  const t = now.getTime();
  const start = t - (t % windowMs);
  return { start: new Date(start), end: new Date(start + windowMs) };
}

function resultOf(count: number, limit: number, end: Date, now: Date): LimitResult {
  if (count <= limit) return { ok: true, count };
  return {
    ok: false,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil((end.getTime() - now.getTime()) / 1000)),
  };
}

export function createPgRateLimiter(db: Kysely<Database>, enabled = true): SharedLimiter {
  return {
    enabled,
    async hit(key, limit, windowMs, now) {
      if (!enabled) return { ok: true, count: 0 };
      const { start, end } = windowOf(now, windowMs);
      // One round trip: the upsert returns the count after this hit, whichever process made the others.
      const row = await db
        .insertInto('rate_limit_hits')
        .values({ key, window_start: start, hits: 1, expires_at: end })
        .onConflict((oc) =>
          oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limit_hits.hits + 1` }),
        )
        .returning('hits')
        .executeTakeFirstOrThrow();
      return resultOf(row.hits, limit, end, now);
    },
    async peek(key, limit, windowMs, now) {
      if (!enabled) return { ok: true, count: 0 };
      const { start, end } = windowOf(now, windowMs);
      const row = await db
        .selectFrom('rate_limit_hits')
        .select('hits')
        .where('key', '=', key)
        .where('window_start', '=', start)
        .executeTakeFirst();
      // `peek` asks "may one more pass?", so a count at the limit already refuses.
      return resultOf((row?.hits ?? 0) + 1, limit, end, now);
    },
    fail: (keys, now) => recordFailures(db, keys, now),
    blockedFor: (keys, now) => blockedSeconds(db, keys, now),
    forgive: (key) => forgetFailures(db, key),
  };
}

/** Deletes counters whose window is over and backoff that has decayed; called from the tick. */
export async function purgeRateLimits(db: Kysely<Database>, now: Date): Promise<number> {
  const res = await db.deleteFrom('rate_limit_hits').where('expires_at', '<', now).executeTakeFirst();
  return Number(res.numDeletedRows) + (await purgeBackoff(db, now));
}
