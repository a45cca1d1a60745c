// The one client key: HMAC of client addresses (and other identifiers) with a daily key kept in
// PostgreSQL and deleted after two days; citizen limits, staff login backoff and staff audit all use it.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';

/** Keys are kept for today and yesterday only; older stored HMACs cannot be recomputed from an address. */
const KEEP_DAYS = 2;

interface DayKey {
  day: string;
  key: CryptoKey;
}

const cache = new WeakMap<object, DayKey>();

function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

async function dayKey(db: Kysely<Database>, now: Date): Promise<CryptoKey> {
  const day = dayOf(now);
  const hit = cache.get(db);
  if (hit?.day === day) return hit.key;
  // Whichever process asks first creates the day's secret; everyone else reads the same one.
  await db
    .insertInto('client_key_secrets')
    .values({ day, secret: crypto.getRandomValues(new Uint8Array(32)) })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  const row = await db
    .selectFrom('client_key_secrets')
    .select('secret')
    .where('day', '=', day)
    .executeTakeFirstOrThrow();
  const key = await crypto.subtle.importKey(
    'raw',
    row.secret as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  cache.set(db, { day, key });
  return key;
}

/**
 * 128 bits of HMAC-SHA-256 of `value` under the day's key, hex. Equal for one value within one UTC day
 * only: enough to see one client behind many failures, too little to follow it across days.
 */
export async function clientHash(
  db: Kysely<Database>,
  scope: string,
  value: string,
  now: Date,
): Promise<string> {
  const key = await dayKey(db, now);
  const mac = new Uint8Array(
    await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${scope}\n${value}`)),
  );
  return [...mac.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `scope:hex`, the form every limiter key takes. */
export async function clientKey(
  db: Kysely<Database>,
  scope: string,
  value: string,
  now: Date,
): Promise<string> {
  return `${scope}:${await clientHash(db, scope, value, now)}`;
}

/** Deletes day keys older than KEEP_DAYS; called from the tick. */
export async function purgeClientKeySecrets(db: Kysely<Database>, now: Date): Promise<number> {
  const oldest = dayOf(new Date(now.getTime() - (KEEP_DAYS - 1) * 86_400_000));
  const res = await db
    .deleteFrom('client_key_secrets')
    .where('day', '<', sql<string>`${oldest}::date`)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
