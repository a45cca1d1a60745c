// Under real workerd an unsafe or invalid configuration answers 503 problem+json with Retry-After (and
// /readyz names the settings, the log says what to change) instead of a 500 from every object.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { startWorkerd, type WorkerdProcess } from '../../scripts/lib/workerd.ts';

// Nothing listens here: a refused configuration must answer without ever reaching the database.
const NO_DATABASE = 'postgres://nobody@127.0.0.1:1/none';

let unsafe: WorkerdProcess;
let invalid: WorkerdProcess;
const unsafeLog: string[] = [];
const invalidLog: string[] = [];

beforeAll(async () => {
  [unsafe, invalid] = await Promise.all([
    // Production as an operator might forget it: no SMS gateway, no log-only flag, no link keys.
    startWorkerd({
      port: await freePort(),
      env: { DATABASE_URL: NO_DATABASE, SMS_LOG_ONLY: 'off', LINK_ENCRYPTION_KEYS: '' },
      onOutput: (line) => unsafeLog.push(line),
    }),
    startWorkerd({
      port: await freePort(),
      env: { DATABASE_URL: NO_DATABASE, SMS_LOG_ONLY: 'on', LINK_ENCRYPTION_KEYS: 'k1:short' },
      onOutput: (line) => invalidLog.push(line),
    }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([unsafe?.stop(), invalid?.stop()]);
});

async function problemOf(res: Response): Promise<Record<string, unknown>> {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  return (await res.json()) as Record<string, unknown>;
}

describe('an unsafe configuration under workerd', () => {
  it('stays alive on /healthz', async () => {
    const res = await fetch(`${unsafe.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it('says why on /readyz: 503 naming the settings', async () => {
    const res = await fetch(`${unsafe.url}/readyz`);
    expect(res.status).toBe(503);
    const body = await problemOf(res);
    expect(body).toMatchObject({ code: 'misconfigured', status: 'misconfigured' });
    expect(body.settings).toEqual(['SMS_GATEWAY_URL', 'LINK_ENCRYPTION_KEYS']);
  });

  it('answers API calls and pages with 503 problem+json, never 500', async () => {
    const booking = await fetch(`${unsafe.url}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: 'x', start: '2026-12-01T09:00:00Z', phone: '+4915112345678' }),
    });
    expect(booking.status).toBe(503);
    const body = await problemOf(booking);
    expect(body.code).toBe('misconfigured');
    // The citizen reads a plain sentence; the setting names are for /readyz and the log.
    expect(JSON.stringify(body)).not.toContain('SMS_GATEWAY_URL');
    for (const path of ['/api/services', '/api/auth/me', '/', '/metrics'])
      expect((await fetch(`${unsafe.url}${path}`)).status).toBe(503);
  });

  it('logs a line naming each setting', async () => {
    await fetch(`${unsafe.url}/api/services`);
    const lines = unsafeLog.filter((l) => l.includes('configuration problem'));
    expect(lines.some((l) => l.includes('"setting":"SMS_GATEWAY_URL"'))).toBe(true);
    expect(lines.some((l) => l.includes('"setting":"LINK_ENCRYPTION_KEYS"'))).toBe(true);
  });
});

describe('an invalid value under workerd', () => {
  it('answers 503 and names the bad variable on /readyz and in the log', async () => {
    const res = await fetch(`${invalid.url}/readyz`);
    expect(res.status).toBe(503);
    expect((await problemOf(res)).settings).toEqual(['LINK_ENCRYPTION_KEYS']);
    expect((await fetch(`${invalid.url}/api/slots?service=x`)).status).toBe(503);
    expect(invalidLog.some((l) => l.includes('"setting":"LINK_ENCRYPTION_KEYS"'))).toBe(true);
  });
});
