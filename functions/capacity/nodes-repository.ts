// LiveKit nodes and the capacity that follows them: the node sum is the maximum, nodes out are maintenance windows.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, NodeLoad } from '../db/database.ts';
import { type Outage, outageWindows } from './node-outages.ts';
import { flagOverCapacity, type RebookingReason, recomputeBuckets } from './repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface LivekitNode {
  id: string;
  name: string;
  url: string;
  metricsUrl: string | null;
  cores: number | null;
  capacity: number;
  note: string;
  maintenance: { start: Date; end: Date } | null;
  downSince: Date | null;
  downUntil: Date | null;
  checkedAt: Date | null;
  load: NodeLoad | null;
}

export async function listNodes(db: Db): Promise<LivekitNode[]> {
  const rows = await db
    .selectFrom('livekit_nodes')
    .select([
      'id',
      'name',
      'url',
      'metrics_url',
      'cores',
      'capacity',
      'note',
      sql<Date | null>`lower(maintenance)`.as('m_start'),
      sql<Date | null>`upper(maintenance)`.as('m_end'),
      'down_since',
      'down_until',
      'checked_at',
      'load',
    ])
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    url: r.url,
    metricsUrl: r.metrics_url,
    cores: r.cores,
    capacity: r.capacity,
    note: r.note,
    maintenance: r.m_start && r.m_end ? { start: new Date(r.m_start), end: new Date(r.m_end) } : null,
    downSince: r.down_since,
    downUntil: r.down_until,
    checkedAt: r.checked_at,
    load: r.load,
  }));
}

/**
 * Makes capacity follow the nodes, in the booking transaction that changed them: the maximum becomes the sum of
 * the nodes' capacities, every node out of service becomes a maintenance window lowering it for that period,
 * the buckets are re-derived and bookings that no longer fit are flagged (as for any maintenance window).
 */
export async function syncNodeCapacity(
  trx: Transaction<Database>,
  now: Date,
  reason: RebookingReason,
): Promise<number> {
  const nodes = await listNodes(trx);
  await trx.deleteFrom('maintenance_windows').where('livekit_node_id', 'is not', null).execute();
  if (nodes.length === 0) {
    await recomputeBuckets(trx, now);
    return flagOverCapacity(trx, now, reason);
  }
  const total = nodes.reduce((sum, n) => sum + n.capacity, 0);
  // The reserve for ad-hoc sessions stays as set, but never above the new maximum.
  await sql`
    insert into capacity_settings (id, max_concurrent_sessions, adhoc_reserve, updated_at)
    values (1, ${total}, 0, ${now})
    on conflict (id) do update set max_concurrent_sessions = excluded.max_concurrent_sessions,
      adhoc_reserve = least(capacity_settings.adhoc_reserve, excluded.max_concurrent_sessions),
      updated_at = excluded.updated_at`.execute(trx);
  const outages: Outage[] = nodes.flatMap((n) => [
    ...(n.maintenance
      ? [{ nodeId: n.id, name: n.name, capacity: n.capacity, kind: 'maintenance' as const, ...n.maintenance }]
      : []),
    ...(n.downSince && n.downUntil
      ? [
          {
            nodeId: n.id,
            name: n.name,
            capacity: n.capacity,
            kind: 'down' as const,
            start: n.downSince,
            end: n.downUntil,
          },
        ]
      : []),
  ]);
  for (const w of outageWindows(outages, total, now)) {
    await trx
      .insertInto('maintenance_windows')
      .values({
        period: sql<string>`tstzrange(${w.start}::timestamptz, ${w.end}::timestamptz, '[)')`,
        capacity: w.capacity,
        note: w.note,
        livekit_node_id: w.nodeId,
      })
      .execute();
  }
  await recomputeBuckets(trx, now);
  return flagOverCapacity(trx, now, reason);
}
