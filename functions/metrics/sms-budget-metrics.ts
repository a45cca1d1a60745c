// The daily SMS budgets as metrics: today's use against the limits, numbers at their limit, and the
// messages held back over budget (the same count the operator alert shows), all read from PostgreSQL.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { type BudgetConfig, smsBudgetAlerts } from '../notifications/sms-budget.ts';
import type { MetricFamily } from '../platform/exposition.ts';
import { dateIn } from '../platform/zoned-time.ts';
import { gauge } from './domain.ts';

export interface SmsBudgetState {
  totalUsed: number;
  numbersAtLimit: number;
  heldByScope: { number: number; total: number };
}

export async function smsBudgetState(
  db: Kysely<Database>,
  config: BudgetConfig,
  now: Date,
): Promise<SmsBudgetState> {
  const day = dateIn(now, config.TIME_ZONE);
  const [usage, alerts] = await Promise.all([
    sql<{ total_used: number; numbers_at_limit: number }>`
      select
        coalesce(max(sent) filter (where recipient_key = '*'), 0)::int as total_used,
        count(*) filter (where recipient_key <> '*' and sent >= ${config.SMS_DAILY_PER_NUMBER})::int
          as numbers_at_limit
      from sms_budget_usage where day = ${day}::date`.execute(db),
    smsBudgetAlerts(db),
  ]);
  const row = usage.rows[0] ?? { total_used: 0, numbers_at_limit: 0 };
  const heldByScope = { number: 0, total: 0 };
  for (const a of alerts) heldByScope[a.code === 'sms_budget_total' ? 'total' : 'number'] += a.held;
  return { totalUsed: row.total_used, numbersAtLimit: row.numbers_at_limit, heldByScope };
}

/** Pure: the families of one budget state; `limit` is SMS_DAILY_TOTAL. */
export function smsBudgetFamilies(state: SmsBudgetState, limit: number): MetricFamily[] {
  return [
    gauge(
      'beratungsraum_sms_budget_used_today',
      'SMS taken from the daily total budget since midnight in the service time zone.',
      state.totalUsed,
    ),
    gauge('beratungsraum_sms_budget_limit', 'The daily total SMS budget (SMS_DAILY_TOTAL).', limit),
    gauge(
      'beratungsraum_sms_budget_remaining_today',
      'SMS left in the daily total budget today.',
      Math.max(0, limit - state.totalUsed),
    ),
    gauge(
      'beratungsraum_sms_budget_numbers_at_limit',
      'Phone numbers that used up their own daily budget (SMS_DAILY_PER_NUMBER) today.',
      state.numbersAtLimit,
    ),
    {
      name: 'beratungsraum_sms_held_messages',
      help: 'SMS held back over a daily budget until the next day, by budget (number or total).',
      type: 'gauge',
      samples: [
        { labels: { budget: 'number' }, value: state.heldByScope.number },
        { labels: { budget: 'total' }, value: state.heldByScope.total },
      ],
    },
  ];
}
