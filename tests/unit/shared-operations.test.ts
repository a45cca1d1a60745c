// Pure parts of issue 12/17's follow-ups: the configuration guard's verdicts, request-count deltas, SMS budget metrics.
import { describe, expect, it } from 'vitest';
import { checkConfig, misconfiguredResponse } from '../../functions/http/config-guard.ts';
import { createFlusher, seriesDelta } from '../../functions/metrics/shared-request-metrics.ts';
import { smsBudgetFamilies } from '../../functions/metrics/sms-budget-metrics.ts';
import { createRequestMetrics, type Series } from '../../functions/platform/request-metrics.ts';
import { clockFromTestBinding } from '../../functions/platform/test-clock.ts';

const KEY = `k1:${'A'.repeat(43)}=`;

describe('configuration guard', () => {
  it('accepts development with SMS_LOG_ONLY and production with a gateway and link keys', () => {
    expect(checkConfig({ SMS_LOG_ONLY: 'on' }).ok).toBe(true);
    expect(checkConfig({ SMS_GATEWAY_URL: 'https://sms.example/send', LINK_ENCRYPTION_KEYS: KEY }).ok).toBe(
      true,
    );
  });

  it.each([
    [{}, ['SMS_GATEWAY_URL', 'LINK_ENCRYPTION_KEYS']],
    [{ SMS_GATEWAY_URL: 'https://sms.example/send' }, ['LINK_ENCRYPTION_KEYS']],
    [{ SMS_LOG_ONLY: 'on', TIME_ZONE: 'Mars/Olympus' }, ['TIME_ZONE']],
    [{ SMS_LOG_ONLY: 'on', LINK_ENCRYPTION_KEYS: 'nope' }, ['LINK_ENCRYPTION_KEYS']],
  ])('names the settings of %o', (env, settings) => {
    const checked = checkConfig(env);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.setting)).toEqual(settings);
  });

  it('keeps /healthz at 200 and tells only /readyz which settings are wrong', async () => {
    const problems = [{ setting: 'SMS_GATEWAY_URL', message: 'is not set' }];
    expect(misconfiguredResponse('/healthz', problems, 'r1').status).toBe(200);
    const ready = misconfiguredResponse('/readyz', problems, 'r1');
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('60');
    expect(await ready.json()).toMatchObject({ code: 'misconfigured', settings: ['SMS_GATEWAY_URL'] });
    const other = await misconfiguredResponse('/api/bookings', problems, 'r1').json();
    expect(other.settings).toBeUndefined();
  });
});

describe('test clock binding', () => {
  it('shifts only by a whole number of milliseconds and is absent otherwise', () => {
    expect(clockFromTestBinding({})).toBeUndefined();
    expect(clockFromTestBinding({ TEST_CLOCK_OFFSET_MS: '1e9' })).toBeUndefined();
    const clock = clockFromTestBinding({ TEST_CLOCK_OFFSET_MS: String(86_400_000) });
    expect(Math.round(((clock?.now().getTime() ?? 0) - Date.now()) / 1000)).toBe(86_400);
  });
});

describe('shared request counts', () => {
  it('flushes only what was counted since the last successful flush, and retries a failed one', async () => {
    const local = createRequestMetrics();
    const written: Series[][] = [];
    let failing = true;
    const flush = createFlusher(local, async (d) => {
      if (failing) throw new Error('database down');
      written.push(d);
    });
    local.observe('api_join', 'POST', 200, 0.02);
    await expect(flush()).rejects.toThrow('database down');
    failing = false;
    local.observe('api_join', 'POST', 200, 0.2);
    await flush();
    local.observe('api_join', 'POST', 404, 0.001);
    await flush();
    await flush();
    expect(written.map((d) => d.map((s) => [s.status, s.count]))).toEqual([[['200', 2]], [['404', 1]], []]);
    expect(written[0]?.[0]?.sum).toBeCloseTo(0.22, 9);
  });

  it('leaves out series without new requests', () => {
    const s: Series = { group: 'health', method: 'GET', status: '200', count: 3, sum: 1, buckets: [1, 2] };
    expect(seriesDelta([s], new Map([['health GET 200', s]]))).toEqual([]);
  });
});

describe('SMS budget metrics', () => {
  it('reports use, what is left (never below zero) and held messages by budget', () => {
    const families = smsBudgetFamilies(
      { totalUsed: 12, numbersAtLimit: 2, heldByScope: { number: 3, total: 1 } },
      10,
    );
    const value = (name: string, budget?: string) =>
      families.find((f) => f.name === name)?.samples.find((s) => !budget || s.labels?.budget === budget)
        ?.value;
    expect(value('beratungsraum_sms_budget_remaining_today')).toBe(0);
    expect(value('beratungsraum_sms_budget_used_today')).toBe(12);
    expect(value('beratungsraum_sms_budget_numbers_at_limit')).toBe(2);
    expect(value('beratungsraum_sms_held_messages', 'number')).toBe(3);
    expect(value('beratungsraum_sms_held_messages', 'total')).toBe(1);
  });
});
