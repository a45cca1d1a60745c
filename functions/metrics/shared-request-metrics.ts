// Request metrics summed over every workerd object and process: each adds what it counted since its last
// flush to request_metric_series (every few seconds and before a scrape), and /metrics reads the totals.
import { type Kysely, sql } from 'kysely';
import * as v from 'valibot';
import type { Database } from '../db/database.ts';
import type { Logger } from '../http/context.ts';
import type { MetricFamily } from '../platform/exposition.ts';
import {
  LATENCY_BUCKETS,
  type LocalRequestMetrics,
  type RequestMetrics,
  requestFamilies,
  type Series,
} from '../platform/request-metrics.ts';

/** How long counts may wait in memory; an object evicted meanwhile loses at most this much. */
export const FLUSH_MS = 5_000;

const keyOf = (s: Series) => `${s.group} ${s.method} ${s.status}`;

/** What `current` counted beyond `flushed` (both running totals), non-empty series only. */
export function seriesDelta(current: Series[], flushed: Map<string, Series>): Series[] {
  const out: Series[] = [];
  for (const s of current) {
    const before = flushed.get(keyOf(s));
    const count = s.count - (before?.count ?? 0);
    if (count <= 0) continue;
    out.push({
      ...s,
      count,
      sum: s.sum - (before?.sum ?? 0),
      buckets: s.buckets.map((b, i) => b - (before?.buckets[i] ?? 0)),
    });
  }
  return out;
}

/** Counts in flight between a worker and its listener object (JSON), checked like any input. */
export const SeriesListSchema = v.array(
  v.object({
    group: v.pipe(v.string(), v.regex(/^[a-z_]{1,64}$/)),
    method: v.pipe(v.string(), v.regex(/^[A-Z]{1,10}$/)),
    status: v.pipe(v.string(), v.regex(/^[1-5]\d\d$/)),
    count: v.pipe(v.number(), v.integer(), v.minValue(1)),
    sum: v.pipe(v.number(), v.minValue(0)),
    buckets: v.pipe(
      v.array(v.pipe(v.number(), v.integer(), v.minValue(0))),
      v.length(LATENCY_BUCKETS.length),
    ),
  }),
);

/** Adds `deltas` to the shared totals in one statement. */
export async function addSeries(db: Kysely<Database>, deltas: Series[], now: Date): Promise<void> {
  if (deltas.length === 0) return;
  await db
    .insertInto('request_metric_series')
    .values(
      deltas.map((s) => ({
        route_group: s.group,
        method: s.method,
        status: Number(s.status),
        count: s.count,
        sum_seconds: Math.max(0, s.sum),
        buckets: s.buckets,
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['route_group', 'method', 'status']).doUpdateSet({
        count: sql`request_metric_series.count + excluded.count`,
        sum_seconds: sql`request_metric_series.sum_seconds + excluded.sum_seconds`,
        buckets: sql`array(select coalesce(a, 0) + coalesce(b, 0)
          from unnest(request_metric_series.buckets, excluded.buckets) as t(a, b))`,
        updated_at: sql`excluded.updated_at`,
      }),
    )
    .execute();
}

/** The totals of every object and process. */
export async function readSeries(db: Kysely<Database>): Promise<Series[]> {
  const rows = await db
    .selectFrom('request_metric_series')
    .select(['route_group', 'method', 'status', 'count', 'sum_seconds', 'buckets'])
    .execute();
  return rows.map((r) => ({
    group: r.route_group,
    method: r.method,
    status: String(r.status),
    count: Number(r.count),
    sum: Number(r.sum_seconds),
    buckets: r.buckets.map(Number),
  }));
}

/**
 * Flushes `local`'s new counts: hands them to `write` and, once written, remembers them as flushed, so a
 * failed write is retried with the next one. Flushes run one at a time.
 */
export function createFlusher(
  local: LocalRequestMetrics,
  write: (deltas: Series[]) => Promise<void>,
): () => Promise<void> {
  const flushed = new Map<string, Series>();
  let running: Promise<void> = Promise.resolve();
  return () => {
    running = running
      .catch(() => {})
      .then(async () => {
        const current = local.snapshot();
        await write(seriesDelta(current, flushed));
        for (const s of current) flushed.set(keyOf(s), s);
      });
    return running;
  };
}

/** A Durable Object's request metrics: counted in memory, flushed within FLUSH_MS, scraped as the sum of all. */
export function shareRequestMetrics(
  local: LocalRequestMetrics,
  db: Kysely<Database>,
  log: Logger,
  now: () => Date,
): RequestMetrics {
  const flush = createFlusher(local, (deltas) => addSeries(db, deltas, now()));
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    observe(group, method, status, seconds) {
      local.observe(group, method, status, seconds);
      timer ??= setTimeout(() => {
        timer = undefined;
        flush().catch((e: unknown) => log.warn('metrics: request counts not flushed', { error: String(e) }));
      }, FLUSH_MS);
    },
    async families(): Promise<MetricFamily[]> {
      try {
        await flush();
        return requestFamilies(await readSeries(db), 'all processes');
      } catch (e) {
        // Without the database a scrape still answers, with this object's own counts.
        log.warn('metrics: shared request counts unavailable', { error: String(e) });
        return local.families();
      }
    },
  };
}
