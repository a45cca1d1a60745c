// The shared limiter's decaying counters in PostgreSQL (rate_limit_backoff): read, add a failure under a
// row lock, forget, purge. Keys are `<scope>:<HMAC>` from client-keys.ts, like the fixed windows'.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { afterFailure, type BackoffPolicy, type FailureState, secondsBlocked } from './backoff.ts';

function toState(r: { score: number; updated_at: Date; blocked_until: Date | null }): FailureState {
  return {
    score: Number(r.score),
    updatedAt: new Date(r.updated_at),
    blockedUntil: r.blocked_until ? new Date(r.blocked_until) : null,
  };
}

/** Seconds the longest-blocked of `keys` must still wait; 0 when none is blocked. */
export async function blockedSeconds(db: Kysely<Database>, keys: string[], now: Date): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db
    .selectFrom('rate_limit_backoff')
    .select(['score', 'updated_at', 'blocked_until'])
    .where('key', 'in', keys)
    .where('blocked_until', '>', now)
    .execute();
  return Math.max(0, ...rows.map((r) => secondsBlocked(toState(r), now)));
}

/** Adds one failure to each key; concurrent failures serialize on the row lock, so none is lost. */
export async function recordFailures(
  db: Kysely<Database>,
  keys: { key: string; policy: BackoffPolicy }[],
  now: Date,
): Promise<FailureState[]> {
  return db.transaction().execute(async (trx) => {
    const out: FailureState[] = [];
    for (const { key, policy } of keys) {
      await trx
        .insertInto('rate_limit_backoff')
        .values({ key, score: 0, updated_at: now, blocked_until: null })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const row = await trx
        .selectFrom('rate_limit_backoff')
        .select(['score', 'updated_at', 'blocked_until'])
        .where('key', '=', key)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const next = afterFailure(toState(row), now, policy);
      await trx
        .updateTable('rate_limit_backoff')
        .set({ score: next.score, updated_at: next.updatedAt, blocked_until: next.blockedUntil })
        .where('key', '=', key)
        .execute();
      out.push(next);
    }
    return out;
  });
}

export async function forgetFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limit_backoff').where('key', '=', key).execute();
}

/** Rows untouched for a day have decayed to nothing (48 half-lives of 30 minutes); the tick removes them. */
export async function purgeBackoff(db: Kysely<Database>, now: Date): Promise<number> {
  const res = await db
    .deleteFrom('rate_limit_backoff')
    .where('updated_at', '<', new Date(now.getTime() - 24 * 3600_000))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
