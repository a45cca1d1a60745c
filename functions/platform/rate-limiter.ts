// Rate limits: fixed-window counters in PostgreSQL shared by every process, and the old in-memory limiter for login.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { RateLimiter } from '../http/context.ts';

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
  };
}

/** Deletes counters whose window is over; called from the tick. */
export async function purgeRateLimits(db: Kysely<Database>, now: Date): Promise<number> {
  const res = await db.deleteFrom('rate_limit_hits').where('expires_at', '<', now).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Fixed-window counters in memory, per process; only staff login still uses it (issue 13 moves it to SharedLimiter). */
export function createMemoryRateLimiter(enabled = true, maxKeys = 100_000): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number; windowMs: number }>();
  return {
    hit(key, limit, windowMs, now) {
      if (!enabled) return { ok: true };
      let w = windows.get(key);
      if (!w || now - w.startedAt >= w.windowMs) {
        if (windows.size >= maxKeys) sweep(windows, now);
        w = { startedAt: now, count: 0, windowMs };
        windows.set(key, w);
      }
      w.count += 1;
      if (w.count > limit)
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil((w.startedAt + w.windowMs - now) / 1000)),
        };
      return { ok: true };
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

function sweep(windows: Map<string, { startedAt: number; windowMs: number }>, now: number): void {
  for (const [k, w] of windows) if (now - w.startedAt >= w.windowMs) windows.delete(k);
  if (windows.size > 0) {
    // Still full of live windows: drop the oldest half rather than grow without bound.
    let n = Math.floor(windows.size / 2);
    for (const k of windows.keys()) {
      if (n-- <= 0) break;
      windows.delete(k);
    }
  }
}
