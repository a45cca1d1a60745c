// Kysely queries for the login backoff rows: read, add a failure under a row lock, clear, purge.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { afterFailure, type BackoffPolicy, type FailureState } from './login-backoff.ts';

/** The row of the client as a whole (across accounts). */
export const ANY_ACCOUNT = '';

export interface FailureKey {
  clientHash: string;
  accountHash: string;
}

function toState(r: { score: number; updated_at: Date; blocked_until: Date | null }): FailureState {
  return {
    score: Number(r.score),
    updatedAt: new Date(r.updated_at),
    blockedUntil: r.blocked_until ? new Date(r.blocked_until) : null,
  };
}

/** The states of the given keys (missing ones are absent from the map), keyed `client|account`. */
export async function readFailures(
  db: Kysely<Database>,
  keys: FailureKey[],
): Promise<Map<string, FailureState>> {
  const rows = await db
    .selectFrom('login_failures')
    .selectAll()
    .where((eb) =>
      eb.or(
        keys.map((k) =>
          eb.and([eb('client_hash', '=', k.clientHash), eb('account_hash', '=', k.accountHash)]),
        ),
      ),
    )
    .execute();
  return new Map(rows.map((r) => [`${r.client_hash}|${r.account_hash}`, toState(r)]));
}

/** Adds one failure to each key; concurrent failures serialize on the row lock, so none is lost. */
export async function recordFailure(
  db: Kysely<Database>,
  keys: { key: FailureKey; policy: BackoffPolicy }[],
  now: Date,
): Promise<FailureState[]> {
  return db.transaction().execute(async (trx) => {
    const out: FailureState[] = [];
    for (const { key, policy } of keys) {
      await trx
        .insertInto('login_failures')
        .values({
          client_hash: key.clientHash,
          account_hash: key.accountHash,
          score: 0,
          updated_at: now,
          blocked_until: null,
        })
        .onConflict((oc) => oc.columns(['client_hash', 'account_hash']).doNothing())
        .execute();
      const row = await trx
        .selectFrom('login_failures')
        .selectAll()
        .where('client_hash', '=', key.clientHash)
        .where('account_hash', '=', key.accountHash)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const next = afterFailure(toState(row), now, policy);
      await trx
        .updateTable('login_failures')
        .set({ score: next.score, updated_at: next.updatedAt, blocked_until: next.blockedUntil })
        .where('client_hash', '=', key.clientHash)
        .where('account_hash', '=', key.accountHash)
        .execute();
      out.push(next);
    }
    return out;
  });
}

export async function clearFailures(db: Kysely<Database>, key: FailureKey): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('client_hash', '=', key.clientHash)
    .where('account_hash', '=', key.accountHash)
    .execute();
}

/** Rows untouched for a day have decayed to nothing; the tick removes them. */
export async function purgeOldFailures(db: Kysely<Database>, now: Date): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('updated_at', '<', new Date(now.getTime() - 24 * 3600_000))
    .execute();
}
