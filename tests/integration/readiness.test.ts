// /readyz names the database, the video server and the SMS gateway; only the database makes it 503; operators see details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool } from '../../functions/db/connect.ts';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { createTestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import {
  createStaff,
  type LiveKitFixture,
  liveKitMissingReason,
  loginStaff,
  startTestLiveKit,
} from '../helpers/room-fixtures.ts';
import { type SmsReceiver, startSmsReceiver } from '../helpers/sms-receiver.ts';

const skip = liveKitMissingReason();
let tdb: TestDatabase;
let livekit: LiveKitFixture;
let sms: SmsReceiver;

beforeAll(async () => {
  if (skip) return;
  tdb = await createTestDatabase();
  [livekit, sms] = await Promise.all([startTestLiveKit(), startSmsReceiver()]);
});
afterAll(async () => {
  if (skip) return;
  await Promise.all([livekit.stop(), sms.close(), tdb.close()]);
});

function app() {
  return createTestApp(tdb, { env: { ...livekit.env, SMS_GATEWAY_URL: sms.url, SMS_GATEWAY_TOKEN: 'gw' } });
}

describe.skipIf(skip)('readiness in detail', () => {
  it('is ok when the database, LiveKit and the SMS gateway all answer', async () => {
    const res = await app().request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok', video: 'ok', sms: 'ok' });
    // The probe sends nothing: the gateway saw no message.
    expect(sms.requests).toHaveLength(0);
  });

  it('stays 200 but degraded while the video server is down, and recovers without restart', async () => {
    const t = app();
    await livekit.server.kill();
    const down = await t.request('/readyz');
    expect(down.status).toBe(200);
    expect(await down.json()).toMatchObject({ status: 'degraded', database: 'ok', video: 'down', sms: 'ok' });
    await livekit.server.start();
    const back = await t.request('/readyz');
    expect(await back.json()).toMatchObject({ status: 'ok', video: 'ok' });
  });

  it('is degraded while the SMS gateway is unreachable or failing', async () => {
    const t = app();
    await sms.stop();
    expect(await (await t.request('/readyz')).json()).toMatchObject({
      status: 'degraded',
      sms: 'down',
      video: 'ok',
    });
    await sms.start();
    expect(await (await t.request('/readyz')).json()).toMatchObject({ status: 'ok', sms: 'ok' });
  });

  it('reports what is not configured as degraded, not as an outage', async () => {
    const res = await createTestApp(tdb).request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'degraded',
      database: 'ok',
      video: 'not_configured',
      sms: 'not_configured',
    });
  });

  it('answers 503 problem with every state when the database is unreachable', async () => {
    const port = await freePort();
    const pool = createPool({
      connectionString: `postgres://x:y@127.0.0.1:${port}/none`,
      connectTimeoutMs: 300,
    });
    const t = createTestApp({ ...tdb, db: createDb(pool), pool }, { env: livekit.env });
    const res = await t.request('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = await res.json();
    expect(body).toMatchObject({
      code: 'database_unavailable',
      checks: { database: 'down', video: 'ok', sms: 'not_configured' },
    });
    await pool.end();
  });

  it('gives operators the details on /api/admin/system-status, and nobody else', async () => {
    const t = app();
    const operator = await createStaff(tdb.db, { role: 'operator' });
    const counsellor = await createStaff(tdb.db);
    const request = (p: string, init: RequestInit) => t.request(p, init);
    expect((await t.request('/api/admin/system-status')).status).toBe(401);
    const c = await loginStaff(request, counsellor);
    expect((await t.request('/api/admin/system-status', { headers: { cookie: c.cookie } })).status).toBe(403);
    const o = await loginStaff(request, operator);
    await livekit.server.kill();
    const res = await t.request('/api/admin/system-status', { headers: { cookie: o.cookie } });
    await livekit.server.start();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('degraded');
    const video = body.checks.find((ch: { name: string }) => ch.name === 'video');
    expect(video).toMatchObject({ status: 'down' });
    expect(video.detail).toMatch(/LiveKit API/);
  });
});
