// The shipped alert rules and dashboard under the real Prometheus: it scrapes the worker in workerd and an alert fires.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMessage } from '../../functions/notifications/outbox.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type PrivateWorkerd, startPrivateWorkerd, workerdAvailable } from '../helpers/private-workerd.ts';
import {
  type PrometheusServer,
  prometheusMissingReason,
  promtool,
  startPrometheus,
} from '../helpers/prometheus.ts';
import { type SmsReceiver, startSmsReceiver } from '../helpers/sms-receiver.ts';

const TOKEN = 'prometheus-scrape-token-0123456789';
const RULES = resolve('deploy/prometheus/alerts.yml');
const skip = prometheusMissingReason() ?? (workerdAvailable('prometheus tests') ? null : 'workerd missing');

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(skip)('shipped Prometheus files', () => {
  it('pass promtool: rules are valid and their unit tests hold', () => {
    expect(promtool('check', 'rules', RULES)).toMatchObject({ status: 0 });
    const tests = promtool('test', 'rules', resolve('deploy/prometheus/alerts.test.yml'));
    expect(tests.output).toContain('SUCCESS');
    expect(tests.status).toBe(0);
  });

  it('has a scrape configuration promtool accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'br-promcfg-'));
    // The shipped file names the token file on the Prometheus host; here it points at a test copy.
    writeFileSync(join(dir, 'token'), TOKEN);
    const shipped = readFileSync(resolve('deploy/prometheus/prometheus.yml'), 'utf8');
    writeFileSync(
      join(dir, 'prometheus.yml'),
      shipped.replace('/etc/prometheus/beratungsraum-internal-token', join(dir, 'token')),
    );
    writeFileSync(join(dir, 'alerts.yml'), readFileSync(RULES));
    const result = promtool('check', 'config', join(dir, 'prometheus.yml'));
    rmSync(dir, { recursive: true, force: true });
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });
});

describe.skipIf(skip)('Prometheus scraping a running instance', () => {
  let tdb: TestDatabase;
  let receiver: SmsReceiver;
  let worker: PrivateWorkerd;
  let prometheus: PrometheusServer;

  beforeAll(async () => {
    tdb = await createTestDatabase();
    receiver = await startSmsReceiver();
    receiver.answer(500);
    worker = await startPrivateWorkerd({
      DATABASE_URL: tdb.url,
      SMS_GATEWAY_URL: receiver.url,
      SMS_MAX_ATTEMPTS: '1',
      INTERNAL_TOKEN: TOKEN,
      LOG_LEVEL: 'error',
    });
    prometheus = await startPrometheus({
      ruleFiles: [RULES],
      scrapeConfigs: [
        '  - job_name: beratungsraum',
        `    authorization: { credentials: ${JSON.stringify(TOKEN)} }`,
        `    static_configs: [{ targets: ["127.0.0.1:${worker.port}"] }]`,
      ].join('\n'),
    });
  }, 180_000);

  afterAll(async () => {
    await prometheus?.stop();
    await worker?.stop();
    await receiver?.close();
    await tdb?.close();
  });

  it('scrapes /metrics with the bearer token', async () => {
    const up = await until(async () => {
      const r = await prometheus.query('up{job="beratungsraum"}');
      return r.samples[0]?.value === 1 ? r : undefined;
    }, 'the target to be up');
    expect(up.samples).toHaveLength(1);
    const dead = await until(
      async () => (await prometheus.query('beratungsraum_outbox_dead_letters')).samples[0],
      'a scrape',
    );
    expect(dead.value).toBe(0);
    const db = await prometheus.query('beratungsraum_dependency_up{dependency="database"}');
    expect(db.samples[0]?.value).toBe(1);
  });

  it('fires BeratungsraumSmsDeadLetters once a message is given up', async () => {
    const before = await prometheus.alerts();
    expect(before.filter((a) => a.labels.alertname === 'BeratungsraumSmsDeadLetters')).toEqual([]);
    await enqueueMessage(tdb.db, {
      bookingId: null,
      kind: 'adhoc_link',
      dedupeKey: 'prometheus-test-1',
      recipient: '+4915112345678',
      body: 'Ihr Link: …',
    });
    const tick = await fetch(`${worker.url}/internal/tick`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(tick.status).toBe(200);
    expect(receiver.requests).toHaveLength(1);
    const firing = await until(async () => {
      const alerts = await prometheus.alerts();
      return alerts.find((a) => a.labels.alertname === 'BeratungsraumSmsDeadLetters' && a.state === 'firing');
    }, 'the dead-letter alert to fire');
    expect(firing.labels.severity).toBe('warning');
  });

  it('evaluates every query of the shipped Grafana dashboard', async () => {
    const dashboard = JSON.parse(
      readFileSync(resolve('deploy/grafana/beratungsraum-dashboard.json'), 'utf8'),
    ) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
    expect(exprs.length).toBeGreaterThan(10);
    for (const expr of exprs) expect((await prometheus.query(expr)).status, expr).toBe('success');
    // Values read from PostgreSQL are the same whichever object of the worker answers the scrape.
    const dead = await prometheus.query('max(beratungsraum_outbox_dead_letters)');
    expect(dead.samples[0]?.value).toBe(1);
  });
});
