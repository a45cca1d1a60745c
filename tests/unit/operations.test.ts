// Pure parts of operations: metric text, route groups, readiness summary, doctor findings, TURN URLs, env files.
import { describe, expect, it } from 'vitest';
import { summarise } from '../../functions/health/checks.ts';
import { capacityInForce, clientReasonLabel } from '../../functions/metrics/domain.ts';
import { routeGroup } from '../../functions/metrics/route-group.ts';
import { renderMetrics } from '../../functions/platform/exposition.ts';
import { createRequestMetrics } from '../../functions/platform/request-metrics.ts';
import {
  certificateFinding,
  exitCode,
  fail,
  formatReport,
  ok,
  skewFinding,
  warn,
} from '../../scripts/doctor/findings.ts';
import { parseTurnUrls } from '../../scripts/doctor/video.ts';
import { parseEnvFile } from '../../scripts/doctor.ts';

const NOW = new Date('2026-12-03T09:00:00Z');

describe('metrics text', () => {
  it('renders help, type, escaped labels and special values', () => {
    const text = renderMetrics([
      {
        name: 'a_total',
        help: 'Line\\one\ntwo',
        type: 'counter',
        samples: [{ labels: { x: 'q"\\\n' }, value: 3 }],
      },
      {
        name: 'b',
        help: 'B.',
        type: 'gauge',
        samples: [{ value: Number.POSITIVE_INFINITY }, { value: Number.NaN }],
      },
    ]);
    expect(text).toBe(
      '# HELP a_total Line\\\\one\\ntwo\n# TYPE a_total counter\na_total{x="q\\"\\\\\\n"} 3\n# HELP b B.\n# TYPE b gauge\nb +Inf\nb NaN\n',
    );
  });

  it('keeps histogram buckets cumulative and splits latency by status class', () => {
    const m = createRequestMetrics();
    m.observe('api_slots', 'GET', 200, 0.003);
    m.observe('api_slots', 'GET', 200, 0.3);
    m.observe('api_slots', 'GET', 304, 7);
    m.observe('api_slots', 'GET', 503, 0.02);
    const samples = m.families()[1]?.samples ?? [];
    const bucket = (cls: string, le: string) =>
      samples.find((s) => s.suffix === '_bucket' && s.labels?.status_class === cls && s.labels?.le === le)
        ?.value;
    expect([bucket('2xx', '0.005'), bucket('2xx', '0.5'), bucket('2xx', '5'), bucket('2xx', '+Inf')]).toEqual(
      [1, 2, 2, 2],
    );
    expect([bucket('3xx', '5'), bucket('3xx', '10'), bucket('5xx', '0.025')]).toEqual([0, 1, 1]);
  });
});

describe('route groups', () => {
  it.each([
    ['/api/bookings/manage/:token', 'api_bookings'],
    ['/api/admin/capacity/live', 'api_admin'],
    ['/api/join', 'api_join'],
    ['/j/:code', 'page_join'],
    ['/m/:token', 'page_manage'],
    ['/admin/*', 'page_admin'],
    ['/', 'page_booking'],
    ['/assets/:file{[A-Za-z0-9._-]+}', 'static'],
    ['/healthz', 'health'],
    ['/metrics', 'metrics'],
    ['/internal/tick', 'internal'],
    ['*', 'unmatched'],
    ['/api/*', 'unmatched'],
    ['', 'unmatched'],
  ])('%s is %s', (pattern, group) => {
    expect(routeGroup(pattern)).toBe(group);
  });
});

describe('domain metric helpers', () => {
  it.each([
    ['connect', 'connect'],
    [' Media ', 'media'],
    ['anything a browser says', 'other'],
  ])('client reason %j is labelled %s', (category, label) => {
    expect(clientReasonLabel(category)).toBe(label);
  });

  it.each([
    [{ bucket_capacity: 4, max_sessions: 8, maintenance_capacity: null }, 4],
    [{ bucket_capacity: null, max_sessions: 8, maintenance_capacity: 3 }, 3],
    [{ bucket_capacity: null, max_sessions: 8, maintenance_capacity: null }, 8],
    [{ bucket_capacity: null, max_sessions: null, maintenance_capacity: null }, 0],
  ])('capacity in force of %j is %i', (row, expected) => {
    expect(capacityInForce({ live: 0, booked: null, ...row })).toBe(expected);
  });
});

describe('readiness summary', () => {
  it.each([
    [['ok', 'ok', 'ok'], 'ok'],
    [['ok', 'down', 'ok'], 'degraded'],
    [['ok', 'ok', 'not_configured'], 'degraded'],
    [['not_migrated', 'ok', 'ok'], 'unavailable'],
    [['down', 'down', 'down'], 'unavailable'],
  ] as const)('%j is %s', ([database, video, sms], expected) => {
    expect(
      summarise([
        { name: 'database', status: database },
        { name: 'video', status: video },
        { name: 'sms', status: sms },
      ]),
    ).toBe(expected);
  });
});

describe('doctor findings', () => {
  it.each([
    ['2026-01-01', '2027-06-01', 'ok', 'certificate valid until 2027-06-01 (179 days)'],
    ['2026-01-01', '2026-12-20', 'warn', 'certificate expires in 16 days (2026-12-20)'],
    ['2026-01-01', '2026-12-01', 'fail', 'certificate expired on 2026-12-01'],
    ['2026-12-05', '2027-12-05', 'fail', 'certificate is not valid before 2026-12-05T00:00:00.000Z'],
  ])('a certificate from %s to %s is %s', (from, to, level, message) => {
    expect(certificateFinding('cert', new Date(from), new Date(to), NOW)).toMatchObject({ level, message });
  });

  it.each([
    [0.4, 'ok'],
    [-2.9, 'ok'],
    [5, 'warn'],
    [-31, 'fail'],
  ])('a clock difference of %s s is %s', (skew, level) => {
    expect(skewFinding('clock', skew).level).toBe(level);
  });

  it.each([
    [[ok('a', 'x')], false, 0],
    [[ok('a', 'x'), warn('b', 'y')], false, 0],
    [[ok('a', 'x'), warn('b', 'y')], true, 2],
    [[warn('b', 'y'), fail('c', 'z')], true, 1],
  ])('exit code of %j (strict %s) is %i', (findings, strict, code) => {
    expect(exitCode(findings, strict)).toBe(code);
  });

  it('prints one line per finding, the fix under problems, and a summary', () => {
    expect(formatReport([ok('database', 'reached'), fail('LiveKit', 'keys rejected', 'fix the keys')])).toBe(
      'OK   database: reached\nFAIL LiveKit: keys rejected\n     -> fix the keys\n\n1 problem, 0 warnings: fix the FAIL lines, then run npm run doctor again.\n',
    );
  });

  it('reads TURN URLs with their default ports and refuses what it cannot read', () => {
    expect(
      parseTurnUrls('turn:t.example?transport=tcp, turns:t.example:443,turn:[::1]:3478 ,nonsense'),
    ).toEqual({
      endpoints: [
        { url: 'turn:t.example?transport=tcp', host: 't.example', port: 3478, transport: 'tcp' },
        { url: 'turns:t.example:443', host: 't.example', port: 443, transport: 'tls' },
        { url: 'turn:[::1]:3478', host: '::1', port: 3478, transport: 'udp' },
      ],
      invalid: ['nonsense'],
    });
  });

  it('reads environment files the way systemd does', () => {
    expect(parseEnvFile('# c\nA=1\nexport B="two words"\n  C = \'x\'\nbad line\nD=\n')).toEqual({
      A: '1',
      B: 'two words',
      C: 'x',
      D: '',
    });
  });
});
