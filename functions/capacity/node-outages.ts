// Which maintenance windows the LiveKit nodes out of service stand for (pure).

export interface Outage {
  nodeId: string;
  name: string;
  capacity: number;
  kind: 'maintenance' | 'down';
  start: Date;
  end: Date;
}

export interface OutageWindow {
  nodeId: string;
  start: Date;
  end: Date;
  capacity: number;
  note: string;
}

const NOTE: Record<Outage['kind'], string> = {
  maintenance: 'LiveKit node {name}: maintenance',
  down: 'LiveKit node {name}: not reachable',
};

/**
 * One window per outage that has not ended: the cluster's capacity less every node out at any time during it
 * (itself included). Overlapping outages of different nodes thus each count all of them, which can only err on
 * the safe side for the parts where they do not overlap.
 *
 * @example
 * outageWindows([{ nodeId: 'a', name: 'lk1', capacity: 40, kind: 'down', start, end }], 100, now)
 * // → [{ nodeId: 'a', start, end, capacity: 60, note: 'LiveKit node lk1: not reachable' }]
 */
export function outageWindows(outages: readonly Outage[], total: number, now: Date): OutageWindow[] {
  const open = outages.filter((o) => o.end.getTime() > now.getTime() && o.end > o.start);
  return open.map((o) => {
    const out = new Map<string, number>();
    for (const other of open)
      if (other.start < o.end && other.end > o.start) out.set(other.nodeId, other.capacity);
    const missing = [...out.values()].reduce((a, b) => a + b, 0);
    return {
      nodeId: o.nodeId,
      start: o.start,
      end: o.end,
      capacity: Math.max(0, total - missing),
      note: NOTE[o.kind].replace('{name}', o.name),
    };
  });
}
