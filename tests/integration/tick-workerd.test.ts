// The tick under the real workerd: the bundled worker sends a queued SMS to the gateway once and hides the endpoint without the token.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMessage } from '../../functions/notifications/outbox.ts';
import { buildWorker } from '../../scripts/build-worker.mjs';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { waitForHttp, workerdBinary } from '../../scripts/lib/workerd.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type SmsReceiver, startSmsReceiver } from '../helpers/sms-receiver.ts';
import { outboxRows, seedBooking, seedStaff } from './outbox-fixtures.ts';

const TOKEN = 'workerd-tick-token-0123456789';
const available = existsSync(workerdBinary());
if (!available && process.env.CI === 'true') throw new Error('workerd binary missing (npm ci installs it)');
if (!available) console.warn('skipping tick-workerd tests: node_modules/.bin/workerd is missing');

let dir: string;
let tdb: TestDatabase;
let receiver: SmsReceiver;
let url: string;
let stop: () => Promise<void> = async () => {};

beforeAll(async () => {
  if (!available) return;
  // A private build of the current code, so this test never reads a stale or half-written dist/.
  dir = mkdtempSync(join(tmpdir(), 'br-tick-workerd-'));
  mkdirSync(join(dir, 'deploy'));
  mkdirSync(join(dir, 'dist', 'web'), { recursive: true });
  copyFileSync(resolve('deploy/workerd.capnp'), join(dir, 'deploy', 'workerd.capnp'));
  await buildWorker({ outdir: join(dir, 'dist', 'worker'), minify: false });
  tdb = await createTestDatabase();
  receiver = await startSmsReceiver();
  const port = await freePort();
  const child = spawn(
    workerdBinary(),
    [
      'serve',
      join(dir, 'deploy', 'workerd.capnp'),
      '--socket-addr',
      `http=127.0.0.1:${port}`,
      '--directory-path',
      `assets=${join(dir, 'dist', 'web')}`,
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: tdb.url,
        SMS_GATEWAY_URL: receiver.url,
        SMS_GATEWAY_TOKEN: 'gw-token',
        INTERNAL_TOKEN: TOKEN,
        LOG_LEVEL: 'error',
      },
      stdio: 'ignore',
    },
  );
  stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, 30_000, (r) => r.ok);
}, 120_000);

afterAll(async () => {
  await stop();
  await receiver?.close();
  await tdb?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!available)('tick in workerd', () => {
  it('is 404 without the token and sends a due message exactly once with it', async () => {
    const counsellorId = (await seedStaff(tdb.db)).counsellorId as string;
    // workerd runs on the real clock, so the appointment lies two days ahead of now, on the 5-minute grid.
    const b = await seedBooking(tdb.db, {
      counsellorId,
      start: new Date(Date.now() + 2 * 86_400_000 - (Date.now() % 300_000)),
    });
    const queued = await enqueueMessage(tdb.db, {
      bookingId: b.id,
      kind: 'confirmation',
      dedupeKey: `confirmation:${b.id}`,
      recipient: '+4915112345678',
      body: 'Ihr Videotermin ist bestätigt.',
    });
    const hidden = await fetch(`${url}/internal/tick`, {
      method: 'POST',
      headers: { authorization: 'Bearer nope' },
    });
    expect(hidden.status).toBe(404);
    expect(receiver.requests).toHaveLength(0);
    const ticks = await Promise.all(
      [1, 2].map(() =>
        fetch(`${url}/internal/tick`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } }),
      ),
    );
    for (const res of ticks) expect(res.status).toBe(200);
    const bodies = (await Promise.all(ticks.map((r) => r.json()))) as { messages: { sent: number } }[];
    expect(bodies.reduce((n, body) => n + body.messages.sent, 0)).toBe(1);
    expect(receiver.requests).toEqual([
      {
        id: queued?.id,
        to: '+4915112345678',
        text: 'Ihr Videotermin ist bestätigt.',
        authorization: 'Bearer gw-token',
        status: 200,
      },
    ]);
    expect((await outboxRows(tdb.db, b.id))[0]?.status).toBe('sent');
  });
});
