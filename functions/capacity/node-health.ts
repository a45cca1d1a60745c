// The tick's look at the LiveKit nodes: record their load, and let capacity follow a node that went down or came back.
import { writeAudit } from '../audit/audit.ts';
import { runBookingTransaction } from '../db/transaction.ts';
import type { AppDeps } from '../http/context.ts';
import { DOWN_HOLD_MS, type NodeReading, type ProbeCounts, readAllNodes } from './node-probe.ts';
import { syncNodeCapacity } from './nodes-repository.ts';
import { readCapacitySettings } from './repository.ts';

/** Probes every node and applies what it found; safe from several processes (row locks, idempotent). */
export async function checkLivekitNodes(
  deps: Pick<AppDeps, 'db' | 'calendarChanged'>,
  now: Date,
  fetcher: typeof fetch = fetch,
): Promise<ProbeCounts> {
  const readings = await readAllNodes(deps.db, fetcher);
  if (readings.length === 0) return { nodes: 0, down: 0, changed: 0, flaggedBookings: 0 };
  const result = await runBookingTransaction(deps.db, (trx) => applyReadings(trx, readings, now));
  if (result.changed > 0) deps.calendarChanged('all');
  return result;
}

async function applyReadings(
  trx: Parameters<typeof syncNodeCapacity>[0],
  readings: NodeReading[],
  now: Date,
): Promise<ProbeCounts> {
  // Serialises against bookings and operator changes, as every capacity change does.
  await readCapacitySettings(trx, true);
  const holdUntil = new Date(now.getTime() + DOWN_HOLD_MS);
  let changed = 0;
  for (const r of readings) {
    const node = await trx
      .selectFrom('livekit_nodes')
      .select(['name', 'down_since', 'down_until'])
      .where('id', '=', r.id)
      .forUpdate()
      .executeTakeFirst();
    if (!node) continue;
    if (r.load) {
      await trx
        .updateTable('livekit_nodes')
        .set({
          checked_at: now,
          load: 'rooms' in r.load ? JSON.stringify(r.load) : null,
          down_since: null,
          down_until: null,
        })
        .where('id', '=', r.id)
        .execute();
      if (node.down_since) {
        changed++;
        await audit(trx, r.id, 'livekit_node.up', { name: node.name, downSince: node.down_since });
      }
      continue;
    }
    // Still down: keep it counted out for the hold period from now, but write only when that moves it much.
    const extend = !node.down_until || node.down_until.getTime() - now.getTime() < DOWN_HOLD_MS / 2;
    await trx
      .updateTable('livekit_nodes')
      .set({
        checked_at: now,
        load: null,
        down_since: node.down_since ?? now,
        down_until: extend ? holdUntil : node.down_until,
      })
      .where('id', '=', r.id)
      .execute();
    if (!node.down_since) await audit(trx, r.id, 'livekit_node.down', { name: node.name });
    if (extend) changed++;
  }
  const flaggedBookings = changed > 0 ? await syncNodeCapacity(trx, now, 'maintenance_window') : 0;
  return {
    nodes: readings.length,
    down: readings.filter((r) => !r.load).length,
    changed,
    flaggedBookings,
  };
}

function audit(
  trx: Parameters<typeof syncNodeCapacity>[0],
  id: string,
  action: string,
  detail: Record<string, unknown>,
): Promise<void> {
  return writeAudit(trx, { actorType: 'system', action, entityType: 'livekit_node', entityId: id, detail });
}
