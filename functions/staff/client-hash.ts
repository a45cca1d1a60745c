// Keyed hashes (HMAC-SHA256 with an installation key) of client addresses and login names, so backoff
// rows and audit entries can be correlated without storing either in the clear.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

const enc = new TextEncoder();

/** Loads the installation's key (made by migration 0130) as an HMAC key. */
export async function loadHashKey(db: Kysely<Database>): Promise<CryptoKey> {
  const row = await db
    .selectFrom('installation_keys')
    .select('secret')
    .where('name', '=', 'client_address')
    .executeTakeFirstOrThrow();
  return crypto.subtle.importKey('raw', enc.encode(row.secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
}

/** 128 bits of HMAC-SHA256 over `purpose:value`, hex. */
export async function keyedHash(key: CryptoKey, purpose: string, value: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(`${purpose}:${value}`)));
  return [...mac.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
