// Sends due outbox messages: claim with a lease in a short statement, send outside any transaction, record the outcome.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Config } from '../env.ts';
import type { Logger, SmsSender } from '../http/context.ts';
import { LinkKeyMissing, linkKeyring, openLinks } from '../platform/link-seal.ts';
import { decideSend, redactSecrets, retryDelayMs } from './delivery-policy.ts';
import {
  buryExpiredLeases,
  type ClaimedMessage,
  claimDueMessages,
  findBookingSendStates,
  markFailed,
  markSent,
  markSkipped,
} from './repository.ts';
import { type BudgetConfig, holdMessage, takeSmsBudget } from './sms-budget.ts';

export interface DeliveryDeps {
  db: Kysely<Database>;
  sms: SmsSender;
  config: Pick<Config, 'SMS_MAX_ATTEMPTS'> & BudgetConfig;
  log: Logger;
  /** Jitter source in [0, 1); tests may fix it. */
  random?: () => number;
}

export interface DeliveryOptions {
  /** Messages claimed at once; each batch is sent with `parallel` requests in flight. */
  batchSize?: number;
  parallel?: number;
  /** Upper bounds per call, so one tick stays short: batches, and wall time before no new batch is claimed. */
  maxBatches?: number;
  timeBudgetMs?: number;
  /** Lease of a claimed message; well above the gateway timeout times the sends per batch. */
  leaseMs?: number;
}

export interface DeliveryCounts {
  sent: number;
  retrying: number;
  dead: number;
  skipped: number;
  /** Held back until tomorrow by a daily SMS budget. */
  held: number;
}

const DEFAULTS = { batchSize: 8, parallel: 4, maxBatches: 100, timeBudgetMs: 40_000, leaseMs: 120_000 };

/** Sends every due message (bounded per call) and returns what happened. */
export async function deliverDueMessages(
  deps: DeliveryDeps,
  now: Date,
  options: DeliveryOptions = {},
): Promise<DeliveryCounts> {
  const o = { ...DEFAULTS, ...options };
  const counts: DeliveryCounts = { sent: 0, retrying: 0, dead: 0, skipped: 0, held: 0 };
  const maxAttempts = deps.config.SMS_MAX_ATTEMPTS;
  counts.dead += await buryExpiredLeases(deps.db, now, maxAttempts);
  // `now` is fixed for the whole call (tests inject it); leases also count the real time spent so far,
  // so a batch claimed late in a long call still holds its lease for `leaseMs`.
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  for (let batch = 0; batch < o.maxBatches && elapsed() < o.timeBudgetMs; batch++) {
    const claimed = await claimDueMessages(deps.db, now, {
      limit: o.batchSize,
      leaseMs: o.leaseMs + elapsed(),
      maxAttempts,
    });
    if (claimed.length === 0) break;
    const bookingIds = [...new Set(claimed.flatMap((m) => (m.bookingId ? [m.bookingId] : [])))];
    const bookings = await findBookingSendStates(deps.db, bookingIds);
    const queue = [...claimed];
    const outcomes: (keyof DeliveryCounts)[] = [];
    const workers = Array.from({ length: Math.min(o.parallel, queue.length) }, async () => {
      for (let m = queue.shift(); m; m = queue.shift()) {
        const booking = m.bookingId ? (bookings.get(m.bookingId) ?? null) : null;
        outcomes.push(await deliverOne(deps, m, booking, now, maxAttempts));
      }
    });
    await Promise.all(workers);
    for (const outcome of outcomes) counts[outcome] += 1;
    if (claimed.length < o.batchSize) break;
    // A gateway that refused a whole batch is down: the rest waits for its backoff, not this call.
    if (outcomes.every((x) => x === 'retrying' || x === 'dead')) break;
    // The system budget is used up: the rest waits for tomorrow, not this call.
    if (outcomes.every((x) => x === 'held')) break;
  }
  return counts;
}

async function deliverOne(
  deps: DeliveryDeps,
  m: ClaimedMessage,
  booking: Parameters<typeof decideSend>[1],
  now: Date,
  maxAttempts: number,
): Promise<keyof DeliveryCounts> {
  const decision = decideSend(m, booking, now);
  if (!decision.send) {
    await markSkipped(deps.db, m.id, m.attempts, decision.outcome, decision.reason);
    deps.log.info('sms skipped', { messageId: m.id, kind: m.kind, reason: decision.reason });
    return decision.outcome === 'dead' ? 'dead' : 'skipped';
  }
  // decideSend guarantees both are present.
  const to = m.recipient as string;
  let text: string;
  try {
    text = await openLinks(await linkKeyring(), m.body as string);
  } catch (error) {
    if (!(error instanceof LinkKeyMissing)) throw error;
    // A key dropped from LINK_ENCRYPTION_KEYS too early: the operator sees it in the dead letters.
    await markFailed(deps.db, m.id, m.attempts, `link key missing: ${error.message}`, null);
    deps.log.error('sms dead-lettered', { messageId: m.id, kind: m.kind, error: error.message });
    return 'dead';
  }
  const budget = await takeSmsBudget(deps.db, deps.config, to, now);
  if (!budget.ok) {
    await holdMessage(deps.db, m.id, m.attempts, budget.resumeAt, budget.reason);
    deps.log.warn('sms held by daily budget', { messageId: m.id, kind: m.kind, scope: budget.scope });
    return 'held';
  }
  const result = await deps.sms.send({ id: m.id, to, text });
  if (result.ok) {
    await markSent(deps.db, m.id, now, redactSecrets(text));
    return 'sent';
  }
  const giveUp = !result.retryable || m.attempts >= maxAttempts;
  const next = giveUp
    ? null
    : new Date(now.getTime() + retryDelayMs(m.attempts, (deps.random ?? Math.random)()));
  await markFailed(deps.db, m.id, m.attempts, result.error, next);
  const fields = { messageId: m.id, kind: m.kind, attempt: m.attempts, error: result.error };
  if (giveUp) deps.log.error('sms dead-lettered', fields);
  else deps.log.warn('sms delivery failed, will retry', { ...fields, nextAttemptAt: next?.toISOString() });
  return giveUp ? 'dead' : 'retrying';
}
