// The operator API's view of a LiveKit node: its state now, its capacity and its load (pure).
import type { NodeLoad } from '../db/database.ts';
import { formatInZone } from '../platform/time-zone.ts';
import type { LivekitNode } from './nodes-repository.ts';

export type NodeState = 'in_service' | 'maintenance' | 'down';

export function nodeState(n: LivekitNode, now: Date): NodeState {
  if (n.downSince && n.downUntil && n.downUntil > now) return 'down';
  if (n.maintenance && n.maintenance.start <= now && n.maintenance.end > now) return 'maintenance';
  return 'in_service';
}

/** `live`: what the node's metrics say right now (null: it did not answer; undefined: not asked). */
export function presentNode(
  n: LivekitNode,
  tz: string,
  now: Date,
  live?: NodeLoad | Record<string, never> | null,
) {
  const at = (d: Date | null) => (d ? formatInZone(d.getTime(), tz) : null);
  const load = live === undefined ? n.load : live && 'rooms' in live ? live : null;
  return {
    id: n.id,
    name: n.name,
    url: n.url,
    metricsUrl: n.metricsUrl,
    cores: n.cores,
    capacity: n.capacity,
    note: n.note,
    state: nodeState(n, now),
    maintenance: n.maintenance ? { start: at(n.maintenance.start), end: at(n.maintenance.end) } : null,
    downSince: at(n.downSince),
    checkedAt: at(n.checkedAt),
    reachable: live === undefined ? !n.downSince : live !== null,
    load,
  };
}

/** The cluster's capacity now: all nodes, and those in service. */
export function clusterTotals(nodes: LivekitNode[], now: Date) {
  const inService = nodes.filter((n) => nodeState(n, now) === 'in_service');
  return {
    capacity: nodes.reduce((s, n) => s + n.capacity, 0),
    capacityInService: inService.reduce((s, n) => s + n.capacity, 0),
    nodesInService: inService.length,
  };
}
