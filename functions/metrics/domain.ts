// Turns the rows read from PostgreSQL into metric families; pure, so the label sets stay bounded and testable.
import type { MetricFamily, Sample } from '../platform/exposition.ts';
import type { BookingCountRow, CapacityNowRow, JoinOutcomeRow, OutboxStateRow } from './repository.ts';

const CLIENT_REASONS = new Set(['connect', 'media', 'permission', 'token', 'network', 'browser', 'device']);

/**
 * The bounded label of a failure the join page reported: the word before the first colon when it
 * is a known category, else `other` (the rest is free text and stays in the statistics table).
 * @example clientReasonLabel('connect: NotAllowedError') // 'connect'
 */
export function clientReasonLabel(category: string): string {
  const word = category.trim().toLowerCase();
  return CLIENT_REASONS.has(word) ? word : 'other';
}

export function bookingFamilies(rows: BookingCountRow[]): MetricFamily[] {
  const created = new Map<string, number>();
  const cancelled = new Map<string, { kind: string; by: string; n: number }>();
  for (const r of rows) {
    created.set(r.kind, (created.get(r.kind) ?? 0) + r.n);
    if (r.status !== 'cancelled') continue;
    const by = r.cancelled_by ?? 'unknown';
    const key = `${r.kind} ${by}`;
    const entry = cancelled.get(key) ?? { kind: r.kind, by, n: 0 };
    entry.n += r.n;
    cancelled.set(key, entry);
  }
  // Both kinds always appear, so rate() sees a series from zero instead of a gap.
  for (const kind of ['scheduled', 'adhoc']) if (!created.has(kind)) created.set(kind, 0);
  return [
    counter(
      'beratungsraum_bookings_created_total',
      'Bookings ever created (rescheduling creates a new one), by kind.',
      [...created].sort().map(([kind, n]) => ({ labels: { kind }, value: n })),
    ),
    counter(
      'beratungsraum_bookings_cancelled_total',
      'Bookings cancelled, by kind and by whom (citizen, staff, system).',
      [...cancelled.values()]
        .sort((a, b) => `${a.kind} ${a.by}`.localeCompare(`${b.kind} ${b.by}`))
        .map((c) => ({ labels: { kind: c.kind, by: c.by }, value: c.n })),
    ),
  ];
}

export function joinFamilies(
  outcomes: JoinOutcomeRow[],
  client: { category: string; n: number }[],
): MetricFamily[] {
  const sorted = [...outcomes].sort((a, b) =>
    `${a.audience} ${a.outcome}`.localeCompare(`${b.audience} ${b.outcome}`),
  );
  const failures: Sample[] = sorted
    .filter((o) => o.outcome !== 'ok')
    .map((o) => ({ labels: { source: 'server', audience: o.audience, reason: o.outcome }, value: o.count }));
  const byClientReason = new Map<string, number>();
  for (const c of client) {
    const reason = clientReasonLabel(c.category);
    byClientReason.set(reason, (byClientReason.get(reason) ?? 0) + c.n);
  }
  for (const [reason, n] of [...byClientReason].sort()) {
    failures.push({ labels: { source: 'client', audience: 'citizen', reason }, value: n });
  }
  return [
    counter(
      'beratungsraum_join_attempts_total',
      'Requests for a video token (POST /api/join, staff join), by audience and outcome (ok or the problem code).',
      sorted.map((o) => ({ labels: { audience: o.audience, outcome: o.outcome }, value: o.count })),
    ),
    counter(
      'beratungsraum_join_failures_total',
      'Failed joins: refused by the server (reason = problem code) or reported by the join page (reason = category).',
      failures,
    ),
  ];
}

/** The capacity in force: the bucket's when one exists, else the settings lowered by a maintenance window. */
export function capacityInForce(row: CapacityNowRow): number {
  if (row.bucket_capacity !== null) return row.bucket_capacity;
  const max = row.max_sessions ?? 0;
  return row.maintenance_capacity === null ? max : Math.min(max, row.maintenance_capacity);
}

export function capacityFamilies(row: CapacityNowRow): MetricFamily[] {
  return [
    gauge('beratungsraum_sessions_live', 'Video sessions running now, as LiveKit reported them.', row.live),
    gauge(
      'beratungsraum_sessions_booked_now',
      'Sessions booked for the current five minutes (scheduled and ad hoc).',
      row.booked ?? 0,
    ),
    gauge(
      'beratungsraum_capacity_sessions',
      'Concurrent sessions the video system may carry now.',
      capacityInForce(row),
    ),
  ];
}

export function outboxFamilies(row: OutboxStateRow): MetricFamily[] {
  return [
    gauge(
      'beratungsraum_outbox_due_messages',
      'SMS due for delivery and not yet accepted by the gateway.',
      row.due,
    ),
    gauge(
      'beratungsraum_outbox_scheduled_messages',
      'SMS waiting for their time (reminders).',
      row.scheduled,
    ),
    gauge(
      'beratungsraum_outbox_dead_letters',
      'SMS given up after all attempts; the operator must act.',
      row.dead,
    ),
    gauge(
      'beratungsraum_outbox_oldest_due_seconds',
      'Age of the oldest due SMS (0 when none is due).',
      row.oldest_due_seconds ?? 0,
    ),
    counter('beratungsraum_sms_sent_total', 'SMS accepted by the gateway.', [{ value: row.sent }]),
    gauge(
      'beratungsraum_sms_sent_today',
      'SMS accepted by the gateway since midnight in the service time zone.',
      row.sent_today,
    ),
  ];
}

export function gauge(
  name: string,
  help: string,
  value: number,
  labels?: Record<string, string>,
): MetricFamily {
  return { name, help, type: 'gauge', samples: [{ value, ...(labels ? { labels } : {}) }] };
}

function counter(name: string, help: string, samples: Sample[]): MetricFamily {
  return { name, help, type: 'counter', samples };
}
