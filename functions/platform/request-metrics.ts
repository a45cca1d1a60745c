// Request counters and latency histograms by route group, method class and status: counted in memory per
// app instance (buildDeps); under workerd shared-request-metrics.ts sums every object and process.
import type { MetricFamily, Sample } from './exposition.ts';

/** Upper bounds in seconds: from a cached page (a few ms) to a slow booking under load. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface Series {
  group: string;
  method: string;
  status: string;
  count: number;
  sum: number;
  buckets: number[];
}

export interface RequestMetrics {
  observe(group: string, method: string, status: number, seconds: number): void;
  families(): MetricFamily[] | Promise<MetricFamily[]>;
}

/** The in-memory counter with its raw series, for sharing them (shared-request-metrics.ts). */
export interface LocalRequestMetrics extends RequestMetrics {
  /** Copies of every series counted so far (totals since this instance started). */
  snapshot(): Series[];
  families(): MetricFamily[];
}

export function createRequestMetrics(): LocalRequestMetrics {
  const series = new Map<string, Series>();
  return {
    observe(group, method, status, seconds) {
      const key = `${group} ${method} ${status}`;
      let s = series.get(key);
      if (!s) {
        s = {
          group,
          method,
          status: String(status),
          count: 0,
          sum: 0,
          buckets: LATENCY_BUCKETS.map(() => 0),
        };
        series.set(key, s);
      }
      s.count++;
      s.sum += seconds;
      for (let i = 0; i < LATENCY_BUCKETS.length; i++) {
        if (seconds <= (LATENCY_BUCKETS[i] ?? 0)) s.buckets[i] = (s.buckets[i] ?? 0) + 1;
      }
    },
    snapshot() {
      return [...series.values()].map((s) => ({ ...s, buckets: [...s.buckets] }));
    },
    families() {
      return requestFamilies([...series.values()], 'this process');
    },
  };
}

/** The counter and histogram families of `all`; `scope` says whose requests they are, for the HELP text. */
export function requestFamilies(all: Series[], scope: string): MetricFamily[] {
  const sorted = [...all].sort((a, b) =>
    `${a.group} ${a.method} ${a.status}`.localeCompare(`${b.group} ${b.method} ${b.status}`),
  );
  const counts: Sample[] = sorted.map((s) => ({
    labels: { group: s.group, method: s.method, status: s.status },
    value: s.count,
  }));
  const histogram: Sample[] = [];
  for (const s of latencyByStatusClass(sorted)) {
    const labels = { group: s.group, method: s.method, status_class: s.status };
    LATENCY_BUCKETS.forEach((le, i) => {
      histogram.push({
        suffix: '_bucket',
        labels: { ...labels, le: String(le) },
        value: s.buckets[i] ?? 0,
      });
    });
    histogram.push({ suffix: '_bucket', labels: { ...labels, le: '+Inf' }, value: s.count });
    histogram.push({ suffix: '_sum', labels, value: s.sum });
    histogram.push({ suffix: '_count', labels, value: s.count });
  }
  return [
    {
      name: 'beratungsraum_http_requests_total',
      help: `HTTP requests answered by ${scope}, by route group, method and status.`,
      type: 'counter',
      samples: counts,
    },
    {
      name: 'beratungsraum_http_request_duration_seconds',
      help: `Time to answer HTTP requests in ${scope}, by route group, method and status class.`,
      type: 'histogram',
      samples: histogram,
    },
  ];
}

// Eleven buckets per exact status would multiply the series; latency is split by status class
// (2xx, 4xx, 5xx), the exact status lives in the counter.
function latencyByStatusClass(all: Series[]): Series[] {
  const merged = new Map<string, Series>();
  for (const s of all) {
    const statusClass = `${s.status.slice(0, 1)}xx`;
    const key = `${s.group} ${s.method} ${statusClass}`;
    const m = merged.get(key);
    if (!m) {
      merged.set(key, { ...s, status: statusClass, buckets: [...s.buckets] });
      continue;
    }
    m.count += s.count;
    m.sum += s.sum;
    m.buckets = m.buckets.map((b, i) => b + (s.buckets[i] ?? 0));
  }
  return [...merged.values()];
}
