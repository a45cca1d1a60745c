// Kysely queries for OpenID authorization requests in flight: store, take once, purge.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

export async function storeLoginState(
  db: Kysely<Database>,
  s: { stateHash: Uint8Array; nonce: string; codeVerifier: string; returnTo: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('oidc_login_states')
    .values({
      state_hash: s.stateHash,
      nonce: s.nonce,
      code_verifier: s.codeVerifier,
      return_to: s.returnTo,
      expires_at: s.expiresAt,
    })
    .execute();
}

/** Deletes and returns the state: a callback can be used once. */
export function takeLoginState(db: Kysely<Database>, stateHash: Uint8Array, now: Date) {
  return db
    .deleteFrom('oidc_login_states')
    .where('state_hash', '=', stateHash)
    .where('expires_at', '>', now)
    .returning(['nonce', 'code_verifier', 'return_to'])
    .executeTakeFirst();
}

export async function purgeLoginStates(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('oidc_login_states').where('expires_at', '<=', now).execute();
}
