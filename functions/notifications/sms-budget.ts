// Daily SMS budgets per number and in total: counted before each send; over budget, messages wait for the next day.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Config } from '../env.ts';
import { sha256 } from '../platform/sha256.ts';
import { addDays, dateIn, startOfDay } from '../platform/zoned-time.ts';

export type BudgetConfig = Pick<Config, 'SMS_DAILY_PER_NUMBER' | 'SMS_DAILY_TOTAL' | 'TIME_ZONE'>;

export type BudgetDecision =
  | { ok: true }
  | { ok: false; scope: 'number' | 'total'; resumeAt: Date; reason: string };

/** `last_error` prefix of a message held back by a budget; the operator alert counts these. */
export const HELD_PREFIX = 'held: ';

async function numberKey(e164: string): Promise<string> {
  const digest = await sha256(`sms-budget\n${e164}`);
  return [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Takes one SMS from today's budgets of `recipient` and of the whole system, both or neither (one
 * transaction, rows locked by the upserts). The day is the service's calendar day in TIME_ZONE.
 */
export async function takeSmsBudget(
  db: Kysely<Database>,
  config: BudgetConfig,
  recipient: string,
  now: Date,
): Promise<BudgetDecision> {
  const day = dateIn(now, config.TIME_ZONE);
  const resumeAt = startOfDay(addDays(day, 1), config.TIME_ZONE);
  const key = await numberKey(recipient);
  const take = async (trx: Kysely<Database>, recipientKey: string, max: number) => {
    const row = await sql<{ sent: number }>`
      insert into sms_budget_usage (day, recipient_key, sent) values (${day}::date, ${recipientKey}, 1)
      on conflict (day, recipient_key) do update set sent = sms_budget_usage.sent + 1
        where sms_budget_usage.sent < ${max}
      returning sent`.execute(trx);
    return row.rows.length > 0;
  };
  return db.transaction().execute(async (trx) => {
    if (!(await take(trx, key, config.SMS_DAILY_PER_NUMBER)))
      return {
        ok: false,
        scope: 'number',
        resumeAt,
        reason: `${HELD_PREFIX}daily SMS budget of this number reached`,
      };
    if (!(await take(trx, '*', config.SMS_DAILY_TOTAL))) {
      // Give the number's SMS back: nothing is sent today.
      await sql`update sms_budget_usage set sent = sent - 1 where day = ${day}::date and recipient_key = ${key}`.execute(
        trx,
      );
      return {
        ok: false,
        scope: 'total',
        resumeAt,
        reason: `${HELD_PREFIX}daily SMS budget of the system reached`,
      };
    }
    return { ok: true };
  });
}

/** Puts a claimed message back as pending until `resumeAt`; the claim's attempt is not counted. */
export async function holdMessage(
  db: Kysely<Database>,
  id: string,
  attempts: number,
  resumeAt: Date,
  reason: string,
): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set({
      status: 'pending',
      locked_until: null,
      attempts: attempts - 1,
      next_attempt_at: resumeAt,
      last_error: reason,
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('attempts', '=', attempts)
    .execute();
}

export interface SmsBudgetAlert {
  code: 'sms_budget_total' | 'sms_budget_number';
  /** Messages waiting because of this budget. */
  held: number;
  /** When the earliest of them will be tried again. */
  resumesAt: string;
}

/** The operator alerts: one per budget that holds messages back now. */
export async function smsBudgetAlerts(db: Kysely<Database>): Promise<SmsBudgetAlert[]> {
  const rows = await db
    .selectFrom('outbox_messages')
    .select((eb) => [
      'last_error',
      eb.fn.countAll<number>().as('held'),
      eb.fn.min('next_attempt_at').as('resumes'),
    ])
    .where('status', '=', 'pending')
    .where('last_error', 'like', `${HELD_PREFIX}%`)
    .groupBy('last_error')
    .execute();
  return rows.map((r) => ({
    code: String(r.last_error).includes('system') ? 'sms_budget_total' : 'sms_budget_number',
    held: Number(r.held),
    resumesAt: new Date(r.resumes as Date).toISOString(),
  }));
}

/** Deletes budget counters older than a week; called from the tick. */
export async function purgeSmsBudget(db: Kysely<Database>, now: Date): Promise<void> {
  const before = new Date(now.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
  await db.deleteFrom('sms_budget_usage').where('day', '<', sql<string>`${before}::date`).execute();
}
