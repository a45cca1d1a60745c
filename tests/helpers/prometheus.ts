// Runs Debian's real Prometheus against test targets, and asks its HTTP API.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { waitForHttp } from '../../scripts/lib/workerd.ts';
import { stopChild } from './child-process.ts';

export const PROMETHEUS = '/usr/bin/prometheus';
export const PROMTOOL = '/usr/bin/promtool';

/** Why Prometheus tests cannot run here, or null; in CI a missing package is a failure, not a skip. */
export function prometheusMissingReason(): string | null {
  if (existsSync(PROMETHEUS) && existsSync(PROMTOOL)) return null;
  if (process.env.CI === 'true')
    throw new Error('Debian package prometheus missing in CI (.ci/run installs it)');
  const reason = 'Debian package prometheus not installed (apt-get install -y prometheus)';
  console.warn(`skipping: ${reason}`);
  return reason;
}

export function promtool(...args: string[]): { status: number | null; output: string } {
  const r = spawnSync(PROMTOOL, args, { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

export interface PrometheusServer {
  url: string;
  /** Result of an instant query: the vector's samples with their labels and numeric values. */
  query(
    expr: string,
  ): Promise<{ status: string; samples: { metric: Record<string, string>; value: number }[] }>;
  alerts(): Promise<{ labels: Record<string, string>; state: string }[]>;
  stop(): Promise<void>;
}

/** Starts Prometheus with a 1 s scrape and evaluation interval over `scrapeConfigs` (YAML list items). */
export async function startPrometheus(options: {
  ruleFiles: string[];
  scrapeConfigs: string;
}): Promise<PrometheusServer> {
  const dir = mkdtempSync(join(tmpdir(), 'br-prom-'));
  const config = join(dir, 'prometheus.yml');
  writeFileSync(
    config,
    [
      'global: { scrape_interval: 1s, evaluation_interval: 1s }',
      'rule_files:',
      ...options.ruleFiles.map((f) => `  - ${JSON.stringify(f)}`),
      'scrape_configs:',
      options.scrapeConfigs,
    ].join('\n'),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    PROMETHEUS,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  const stop = () => stopChild(child, dir);
  try {
    await waitForHttp(`${url}/-/ready`, 30_000, (r) => r.ok);
  } catch (e) {
    await stop();
    throw e;
  }
  const api = async (path: string) =>
    (await (await fetch(`${url}${path}`)).json()) as { status: string; data: unknown };
  return {
    url,
    async query(expr) {
      const body = await api(`/api/v1/query?query=${encodeURIComponent(expr)}`);
      const data = body.data as { result?: { metric: Record<string, string>; value: [number, string] }[] };
      const samples = (data?.result ?? []).map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
      return { status: body.status, samples };
    },
    async alerts() {
      const body = await api('/api/v1/alerts');
      return (body.data as { alerts: { labels: Record<string, string>; state: string }[] }).alerts;
    },
    stop,
  };
}
