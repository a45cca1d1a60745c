// Operator settings stored in the settings table, with the environment as the default for each.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Config } from '../env.ts';

export interface OperatorSettings {
  smsSenderName: string;
  retentionDays: number;
  caseFileUrlTemplate: string;
}

const KEYS = {
  smsSenderName: 'sms_sender_name',
  retentionDays: 'retention_days',
  caseFileUrlTemplate: 'case_file_url_template',
} as const satisfies Record<keyof OperatorSettings, string>;

export const DEFAULT_SMS_SENDER_NAME = 'Beratung';

/** The settings in force: stored values over environment defaults. */
export async function readSettings(db: Kysely<Database>, config: Config): Promise<OperatorSettings> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', Object.values(KEYS))
    .execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const text = (key: string, fallback: string) => {
    const v = stored.get(key);
    return typeof v === 'string' ? v : fallback;
  };
  const days = stored.get(KEYS.retentionDays);
  return {
    smsSenderName: text(KEYS.smsSenderName, DEFAULT_SMS_SENDER_NAME),
    retentionDays: typeof days === 'number' && Number.isInteger(days) ? days : config.RETENTION_DAYS,
    caseFileUrlTemplate: text(KEYS.caseFileUrlTemplate, config.CASE_FILE_URL_TEMPLATE),
  };
}

/** Stores the given settings (others untouched) in one statement. */
export async function writeSettings(
  db: Kysely<Database>,
  changes: Partial<OperatorSettings>,
  now: Date,
): Promise<void> {
  const values = (Object.keys(KEYS) as (keyof OperatorSettings)[])
    .filter((k) => changes[k] !== undefined)
    .map((k) => ({ key: KEYS[k], value: JSON.stringify(changes[k]), updated_at: now }));
  if (values.length === 0) return;
  await db
    .insertInto('settings')
    .values(values)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}
