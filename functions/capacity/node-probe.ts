// Reads each LiveKit node's own Prometheus metrics: its load, or that it is down (then capacity drops).
import type { Kysely } from 'kysely';
import type { Database, NodeLoad } from '../db/database.ts';

const TIMEOUT_MS = 3000;

/** A sample's value by metric name (labels ignored, first sample), from Prometheus text. */
function sample(text: string, name: string): number | null {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
  return m ? Number(m[1]) : null;
}

/** LiveKit's own gauges: rooms and participants on this node. */
export function parseNodeLoad(text: string): NodeLoad | null {
  const rooms = sample(text, 'livekit_room_total');
  const participants = sample(text, 'livekit_participant_total');
  return rooms === null || participants === null ? null : { rooms, participants };
}

/** The node's load, `{}` when it answers without metrics, null when it does not answer (tried twice). */
export async function readNodeLoad(
  node: { url: string; metricsUrl: string | null },
  fetcher: typeof fetch = fetch,
): Promise<NodeLoad | Record<string, never> | null> {
  const target = node.metricsUrl ?? node.url.replace(/^ws(s?):/, 'http$1:');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const res = await fetcher(target, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      const text = await res.text();
      if (res.status >= 500) continue;
      return (node.metricsUrl ? parseNodeLoad(text) : null) ?? {};
    } catch {
      // refused, timed out: try once more, then it counts as down
    }
  }
  return null;
}

export type NodeReading = { id: string; load: NodeLoad | Record<string, never> | null };

export async function readAllNodes(
  db: Kysely<Database>,
  fetcher: typeof fetch = fetch,
): Promise<NodeReading[]> {
  const nodes = await db.selectFrom('livekit_nodes').select(['id', 'url', 'metrics_url']).execute();
  return Promise.all(
    nodes.map(async (n) => ({
      id: n.id,
      load: await readNodeLoad({ url: n.url, metricsUrl: n.metrics_url }, fetcher),
    })),
  );
}

/** How long a node found down counts as out; each probe that still finds it down moves this on. */
export const DOWN_HOLD_MS = 30 * 60_000;

export interface ProbeCounts {
  nodes: number;
  down: number;
  changed: number;
  flaggedBookings: number;
}
