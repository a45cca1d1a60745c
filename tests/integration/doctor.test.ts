// npm run doctor against real PostgreSQL, LiveKit, workerd behind nginx with TLS, coturn and the SMS gateway's far end.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type PrivateWorkerd, startPrivateWorkerd, workerdAvailable } from '../helpers/private-workerd.ts';
import { type LiveKitFixture, liveKitMissingReason, startTestLiveKit } from '../helpers/room-fixtures.ts';
import { type SmsReceiver, startSmsReceiver } from '../helpers/sms-receiver.ts';
import {
  makeCertificate,
  startCoturn,
  startTlsFront,
  type TestCertificate,
  type TlsFront,
  type TurnServer,
} from '../helpers/tls-front.ts';

const skip = liveKitMissingReason() ?? (workerdAvailable('doctor tests') ? null : 'workerd missing');

let dir: string;
let tdb: TestDatabase;
let livekit: LiveKitFixture;
let sms: SmsReceiver;
let worker: PrivateWorkerd;
let front: TlsFront;
let videoFront: TlsFront;
let turn: TurnServer;
let cert: TestCertificate;
// The doctor bundled once, as the container image ships it; spawning it then takes a fraction of tsx's start.
const DOCTOR = resolve('node_modules/.cache/br-doctor-test/doctor.mjs');

beforeAll(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'br-doctor-'));
  // Valid for ten days: good enough to work, close enough to expiry for a warning.
  cert = makeCertificate(dir, 10);
  await build({
    entryPoints: ['scripts/doctor.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: DOCTOR,
    logLevel: 'error',
  });
  [tdb, livekit, sms, turn] = await Promise.all([
    createTestDatabase(),
    startTestLiveKit(),
    startSmsReceiver(),
    startCoturn(),
  ]);
  // The worker refuses to start without an SMS gateway (issue 12); the receiver stands in for it.
  worker = await startPrivateWorkerd({
    DATABASE_URL: tdb.url,
    LOG_LEVEL: 'error',
    SMS_GATEWAY_URL: sms.url,
    SMS_GATEWAY_TOKEN: 'gateway-token',
  });
  [front, videoFront] = await Promise.all([
    startTlsFront(worker.url, cert),
    startTlsFront(livekit.server.httpUrl, cert),
  ]);
}, 180_000);

afterAll(async () => {
  if (skip) return;
  await Promise.all([
    front?.stop(),
    videoFront?.stop(),
    worker?.stop(),
    livekit?.stop(),
    sms?.close(),
    turn?.stop(),
  ]);
  await tdb?.close();
  rmSync(dir, { recursive: true, force: true });
});

function goodEnv(): Record<string, string> {
  return {
    DATABASE_URL: tdb.url,
    PUBLIC_BASE_URL: front.url,
    ...livekit.env,
    LIVEKIT_PUBLIC_URL: videoFront.url.replace('https:', 'wss:'),
    SMS_GATEWAY_URL: sms.url,
    SMS_GATEWAY_TOKEN: 'gateway-token',
    INTERNAL_TOKEN: 'a-long-random-internal-token-0123456789',
    LIVEKIT_TURN_URLS: `turn:127.0.0.1:${turn.port}?transport=udp,turn:127.0.0.1:${turn.port}?transport=tcp`,
  };
}

// Asynchronous: the SMS gateway's far end answers from this test process while the doctor runs.
function doctor(env: Record<string, string>, args: string[] = [], trustTestCa = true) {
  const child = spawn(process.execPath, [DOCTOR, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...(trustTestCa ? { NODE_EXTRA_CA_CERTS: cert.caFile } : {}),
      ...env,
    },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return new Promise<{ status: number | null; out: string; err: string }>((resolve) =>
    child.once('close', (status) => resolve({ status, out, err })),
  );
}

describe.skipIf(skip)('npm run doctor', () => {
  it('passes a working deployment, warning about what needs attention soon', async () => {
    const r = await doctor(goodEnv());
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^OK {3}database: reached 127\.0\.0\.1:\d+\/\S+ \(PostgreSQL \d+\)$/m);
    expect(r.out).toMatch(/^OK {3}migrations: all \d+ migrations applied$/m);
    expect(r.out).toMatch(/^OK {3}LiveKit: API at http:\/\/127\.0\.0\.1:\d+ accepts the keys/m);
    expect(r.out).toMatch(/^OK {3}TURN 127\.0\.0\.1:\d+\/udp: answers STUN binding requests$/m);
    expect(r.out).toMatch(/^OK {3}TURN 127\.0\.0\.1:\d+\/tcp: port open$/m);
    expect(r.out).toMatch(/^OK {3}LIVEKIT_PUBLIC_URL: browsers connect to wss:\/\/127\.0\.0\.1:\d+$/m);
    expect(r.out).toMatch(
      /^OK {3}PUBLIC_BASE_URL: https:\/\/127\.0\.0\.1:\d+\/healthz answers from this machine$/m,
    );
    expect(r.out).toMatch(/^WARN certificate 127\.0\.0\.1:\d+: certificate expires in 9 days/m);
    expect(r.out).toMatch(/^OK {3}SMS gateway: http:\/\/127\.0\.0\.1:\d+ reachable/m);
    expect(r.out).toMatch(/^OK {3}clock vs PostgreSQL: clocks agree/m);
    expect(r.out).toMatch(/^OK {3}clock vs LiveKit: clocks agree/m);
    expect(r.out).not.toMatch(/^FAIL/m);
    expect(r.out).toContain('0 problems');
    expect(r.status).toBe(0);
    // The probes sent no SMS.
    expect(sms.requests).toHaveLength(0);
    expect((await doctor(goodEnv(), ['--strict'])).status).toBe(2);
  });

  it('names each fault in words an operator can act on and exits 1', async () => {
    await tdb.pool.query('create database doctor_empty');
    const closedPort = await freePort();
    const r = await doctor(
      {
        ...goodEnv(),
        DATABASE_URL: tdb.url.replace(/\/[^/]+$/, '/doctor_empty'),
        LIVEKIT_API_SECRET: 'not-the-secret-of-this-server-0123456789',
        LIVEKIT_TURN_URLS: `turn:127.0.0.1:${closedPort}?transport=tcp`,
        SMS_GATEWAY_URL: 'http://192.0.2.10/sms',
      },
      [],
      false,
    );
    await tdb.pool.query('drop database doctor_empty');
    expect(r.out).toMatch(
      /^FAIL migrations: \d+ of \d+ migrations not applied \(first missing: 0001_create_schema\)$/m,
    );
    expect(r.out).toContain('-> Run npm run migrate');
    expect(r.out).toMatch(
      /^FAIL LiveKit: LiveKit at http:\/\/127\.0\.0\.1:\d+ rejected LIVEKIT_API_KEY \/ LIVEKIT_API_SECRET$/m,
    );
    expect(r.out).toMatch(
      new RegExp(`^FAIL TURN 127\\.0\\.0\\.1:${closedPort}/tcp: not reachable: .*ECONNREFUSED`, 'm'),
    );
    expect(r.out).toMatch(
      /^FAIL certificate 127\.0\.0\.1:\d+: certificate not accepted: UNABLE_TO_VERIFY_LEAF_SIGNATURE$/m,
    );
    expect(r.out).toMatch(/^FAIL SMS gateway: http:\/\/192\.0\.2\.10 is not https/m);
    expect(r.out).toMatch(/^SKIP PUBLIC_BASE_URL: https:\/\/127\.0\.0\.1:\d+\/healthz not checked/m);
    expect(r.out.match(/^FAIL certificate 127\.0\.0\.1:\d+: certificate not accepted/gm)).toHaveLength(2);
    expect(r.out).toMatch(/^6 problems/m);
    expect(r.status).toBe(1);
  });

  it('reads an environment file, reports bad variables by name, and can answer in JSON', async () => {
    const file = join(dir, 'env');
    writeFileSync(file, `# deployment\nPORT=eighty\nPUBLIC_BASE_URL="${front.url}"\n`);
    const r = await doctor({}, ['--env-file', file, '--json']);
    const report = JSON.parse(r.out) as {
      findings: { check: string; level: string; message: string }[];
      exitCode: number;
    };
    expect(report.exitCode).toBe(1);
    expect(report.findings).toEqual([
      expect.objectContaining({
        check: 'configuration',
        level: 'fail',
        message: 'invalid: PORT: must be a whole number',
      }),
    ]);
    expect(r.status).toBe(1);
    expect((await doctor({}, ['--bogus'])).status).toBe(2);
  });
});
