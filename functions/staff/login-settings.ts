// Whether local passwords are in use: the environment can forbid them, an operator can reduce them to
// break-glass (operators with a second factor only) once single sign-on is configured.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Config } from '../env.ts';

export type LocalLoginMode = 'on' | 'break_glass' | 'off';

const KEY = 'local_login';

export function oidcConfigured(config: Config): boolean {
  return Boolean(config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET);
}

export async function readLocalLoginMode(db: Kysely<Database>, config: Config): Promise<LocalLoginMode> {
  if (config.LOCAL_LOGIN === 'off') return 'off';
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  // Without single sign-on, break-glass would lock every counsellor out; the stored choice waits.
  return row?.value === 'break_glass' && oidcConfigured(config) ? 'break_glass' : 'on';
}

export async function writeLocalLoginMode(
  db: Kysely<Database>,
  mode: 'on' | 'break_glass',
  now: Date,
): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: KEY, value: JSON.stringify(mode), updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(mode), updated_at: now }))
    .execute();
}
