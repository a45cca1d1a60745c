// One scheduler tick: nudge citizens whose counsellor waits, send due messages, erase expired personal data, check LiveKit nodes.
import { checkLivekitNodes } from '../capacity/node-health.ts';
import type { ProbeCounts } from '../capacity/node-probe.ts';
import type { AppDeps } from '../http/context.ts';
import { type DeliveryCounts, type DeliveryOptions, deliverDueMessages } from '../notifications/delivery.ts';
import { queueDueCounsellorReady } from '../notifications/ready-sweep.ts';
import { type HousekeepingCounts, runHousekeeping } from '../retention/housekeeping.ts';
import { type RetentionCounts, runRetention } from '../retention/retention.ts';

export type TickDeps = Pick<AppDeps, 'db' | 'config' | 'sms' | 'log' | 'calendarChanged'> & {
  /** Jitter source for retry backoff; tests may fix it. */
  random?: () => number;
  delivery?: DeliveryOptions;
};

export interface TickResult {
  at: string;
  counsellorReadyQueued: number;
  messages: DeliveryCounts;
  retention: RetentionCounts;
  housekeeping: HousekeepingCounts;
  /** The LiveKit nodes' health: a node found down lowers capacity (functions/capacity/node-health.ts). */
  livekitNodes: ProbeCounts;
}

/**
 * Safe to run from several processes at once: message claims and erasures lock rows with
 * SKIP LOCKED, so each message is sent by one tick and each booking erased by one.
 */
export async function runTick(deps: TickDeps, now: Date): Promise<TickResult> {
  const counsellorReadyQueued = await queueDueCounsellorReady(deps.db, now);
  const messages = await deliverDueMessages(deps, now, deps.delivery);
  const retention = await runRetention(deps, now);
  const housekeeping = await runHousekeeping(deps.db, deps.config, now);
  const livekitNodes = await checkLivekitNodes(deps, now);
  return { at: now.toISOString(), counsellorReadyQueued, messages, retention, housekeeping, livekitNodes };
}
