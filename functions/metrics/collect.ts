// Gathers every metric for one scrape: this process's requests and pool, the domain values from PostgreSQL, the dependency probes.
import { floorToBucket } from '../capacity/buckets.ts';
import { checkReadiness } from '../health/checks.ts';
import type { AppDeps } from '../http/context.ts';
import type { MetricFamily } from '../platform/exposition.ts';
import { bookingFamilies, capacityFamilies, gauge, joinFamilies, outboxFamilies } from './domain.ts';
import {
  bookingCounts,
  capacityNow,
  clientJoinFailureCounts,
  databaseConnections,
  joinOutcomeCounts,
  outboxState,
} from './repository.ts';
import { smsBudgetFamilies, smsBudgetState } from './sms-budget-metrics.ts';

export async function collectMetrics(deps: AppDeps, now: Date): Promise<MetricFamily[]> {
  const [readiness, domain] = await Promise.all([checkReadiness(deps), domainFamilies(deps, now)]);
  const up: MetricFamily = {
    name: 'beratungsraum_dependency_up',
    help: 'Whether a dependency answered this process just now (1) or not (0); not configured counts as 0.',
    type: 'gauge',
    samples: readiness.checks.map((c) => ({
      labels: { dependency: c.name },
      value: c.status === 'ok' ? 1 : 0,
    })),
  };
  return [...(await deps.requestMetrics.families()), ...poolFamilies(deps), up, ...domain];
}

// A scrape during a database outage still answers, with the process values and dependency_up 0.
async function domainFamilies(deps: AppDeps, now: Date): Promise<MetricFamily[]> {
  try {
    const [bookings, outcomes, client, capacity, outbox, connections, budget] = await Promise.all([
      bookingCounts(deps.db),
      joinOutcomeCounts(deps.db),
      clientJoinFailureCounts(deps.db),
      capacityNow(deps.db, now, floorToBucket(now)),
      outboxState(deps.db, now, deps.config.TIME_ZONE),
      databaseConnections(deps.db),
      smsBudgetState(deps.db, deps.config, now),
    ]);
    return [
      ...bookingFamilies(bookings),
      ...joinFamilies(outcomes, client),
      ...capacityFamilies(capacity),
      ...outboxFamilies(outbox),
      ...smsBudgetFamilies(budget, deps.config.SMS_DAILY_TOTAL),
      gauge(
        'beratungsraum_db_connections',
        'Connections to this database on the PostgreSQL server (all processes).',
        connections.used,
      ),
      gauge(
        'beratungsraum_db_max_connections',
        'The PostgreSQL server setting max_connections.',
        connections.max,
      ),
    ];
  } catch (e) {
    deps.log.warn('metrics: database values unavailable', { error: String((e as Error)?.message ?? e) });
    return [];
  }
}

function poolFamilies(deps: AppDeps): MetricFamily[] {
  const pool = deps.pool;
  const max = gauge(
    'beratungsraum_db_pool_max',
    'Connections this process may open (DB_POOL_MAX).',
    deps.config.DB_POOL_MAX,
  );
  if (!pool) return [max];
  return [
    max,
    {
      name: 'beratungsraum_db_pool_connections',
      help: "This process's open database connections, by state.",
      type: 'gauge',
      samples: [
        { labels: { state: 'in_use' }, value: pool.totalCount - pool.idleCount },
        { labels: { state: 'idle' }, value: pool.idleCount },
      ],
    },
    gauge(
      'beratungsraum_db_pool_waiting',
      'Queries in this process waiting for a free connection.',
      pool.waitingCount,
    ),
  ];
}
