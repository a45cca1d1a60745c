// Starts the whole system for browser tests: a fresh PostgreSQL database, LiveKit posting webhooks to the app,
// the bundled worker in workerd, demo data; plus booking and login helpers and a Chromium launcher.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { type Browser, chromium } from 'playwright-core';
import { seedDemoData } from '../../../functions/app/seed.ts';
import { takeCapacity } from '../../../functions/capacity/buckets.ts';
import { createDb, createPool } from '../../../functions/db/connect.ts';
import type { BookingKind, BookingStatus, Database } from '../../../functions/db/database.ts';
import { generateRoomName, generateSecret, hashSecret } from '../../../functions/platform/secrets.ts';
import { buildWeb } from '../../../scripts/build-web.mjs';
import { buildWorker } from '../../../scripts/build-worker.mjs';
import { freePort } from '../../../scripts/lib/embedded-postgres.ts';
import {
  type LiveKitServer,
  liveKitBuilt,
  type StartLiveKitOptions,
  startLiveKit,
} from '../../../scripts/lib/livekit.ts';
import { type LivekitCluster, startLivekitCluster } from '../../../scripts/lib/livekit-cluster.ts';
import { waitForHttp, workerdBinary } from '../../../scripts/lib/workerd.ts';
import { RELAXED_LIMITS } from '../../helpers/app.ts';
import type { TestDatabase } from '../../helpers/database.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'demo-password';

export interface SystemOptions {
  /** Extra environment for the worker (e.g. `{ RATE_LIMITS: 'off' }`). */
  env?: Record<string, string>;
  /** Start LiveKit (default true), optionally with options. Without it the app runs with no video server. */
  livekit?: boolean | Pick<StartLiveKitOptions, 'nodeIp' | 'turnTlsPort' | 'turnDomain' | 'turnServers'>;
  /** Instead of one LiveKit server, a cluster of this many nodes (scripts/lib/livekit-cluster.ts). */
  livekitCluster?: number;
  /** Bind address of workerd and LiveKit (default 127.0.0.1; the network lab uses its own address). */
  host?: string;
  /** A migrated database to use (the benchmark's); default: a fresh copy of the test run's template. */
  databaseUrl?: string;
  /** Password of the demo logins when the database was seeded elsewhere (default `demo-password`). */
  demoPassword?: string;
  /** Seed the demo data (default true): services, 12 counsellors, berater1@/admin@example.org. */
  seed?: boolean;
  /** Receives every output line of workerd and LiveKit (default: kept in `logs`, printed on failure by you). */
  onOutput?: (line: string) => void;
}

export interface CreateBookingOptions {
  /** Minutes from now to the start, rounded down to the five-minute grid (default 0: the room is open). */
  startsInMinutes?: number;
  minutes?: number;
  /** Counsellor by login; default: the first demo counsellor free at that time. */
  counsellorEmail?: string;
  serviceId?: string;
  status?: BookingStatus;
  kind?: BookingKind;
  phone?: string | null;
  name?: string | null;
  language?: 'de' | 'en';
}

export interface CreatedBooking {
  id: string;
  code: string;
  joinUrl: string;
  roomName: string;
  counsellorId: string;
  counsellorEmail: string;
  start: Date;
  end: Date;
}

export interface StaffSession {
  cookie: string;
  csrf: string;
  /** Headers for a state-changing request as this user. */
  headers: Record<string, string>;
}

export interface System {
  baseUrl: string;
  db: Kysely<Database>;
  databaseUrl: string;
  /** Null when started with `livekit: false`. `stop()`/`start()` keep its ports (fault tests). */
  livekit: LiveKitServer | null;
  /** Set when started with `livekitCluster`. */
  cluster: LivekitCluster | null;
  /** The last lines workerd and LiveKit printed. */
  logs: string[];
  /** The built pages' manifest (dist/web/manifest.json of this system's private build). */
  manifest(): Promise<{ pages: Record<string, { critical: string[]; strings: Record<string, string[]> }> }>;
  /** fetch relative to `baseUrl`. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  login(email?: string, password?: string): Promise<StaffSession>;
  /** Inserts a confirmed booking directly (with capacity taken), with a join code you know. */
  createBooking(options?: CreateBookingOptions): Promise<CreatedBooking>;
  /** POST /api/join as the citizen; throws on anything but 200. */
  joinAsCitizen(code: string): Promise<JoinTicket>;
  /** POST /api/staff/bookings/ID/join as the booking's counsellor; throws on anything but 200. */
  joinAsCounsellor(bookingId: string, session: StaffSession): Promise<JoinTicket>;
  stop(): Promise<void>;
}

export interface JoinTicket {
  serverUrl: string;
  token: string;
  room: string;
  identity: string;
  role: 'citizen' | 'counsellor' | 'interpreter';
  notice: { title: string; text: string };
  [key: string]: unknown;
}

/** Why the browser tests cannot run here, or null. In CI a missing component fails instead. */
export function systemMissingReason(): string | null {
  const missing = [
    !existsSync(CHROMIUM_PATH) && `Chromium (${CHROMIUM_PATH}; apt-get install -y chromium)`,
    !liveKitBuilt() && 'LiveKit server (.bin/livekit-server; npm run livekit:build)',
  ].filter(Boolean);
  if (missing.length === 0) return null;
  const reason = `missing ${missing.join(' and ')}`;
  if (process.env.CI === 'true') throw new Error(`e2e: ${reason}`);
  console.warn(`skipping e2e: ${reason}`);
  return reason;
}

/**
 * Chromium with fake camera, microphone and permission prompts, headless, sandbox off (containers). Its contexts
 * speak German like most of the agency's citizens (the pages follow the browser's language) unless a test sets
 * its own `locale`.
 */
export async function launchBrowser(
  options: { args?: string[]; executablePath?: string } = {},
): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--disable-background-networking',
      ...(options.args ?? []),
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (o = {}) => newContext({ locale: 'de-DE', ...o });
  return browser;
}

/** Bundles worker and pages into a private folder, so parallel test files never read a half-written build. */
async function buildInto(dir: string): Promise<{ capnp: string; assets: string }> {
  await buildWorker({ outdir: join(dir, 'worker') });
  await buildWeb({ outdir: join(dir, 'web') });
  const capnp = join(dir, 'workerd.capnp');
  const config = readFileSync(resolve('deploy/workerd.capnp'), 'utf8').replace(
    'embed "../dist/worker/worker.js"',
    // Relative to the config file: capnp reads paths starting with "/" from its import path instead.
    'embed "worker/worker.js"',
  );
  writeFileSync(capnp, config);
  return { capnp, assets: join(dir, 'web') };
}

async function startWorker(
  host: string,
  capnp: string,
  assets: string,
  port: number,
  env: Record<string, string>,
  onLine: (line: string) => void,
): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  const args = [
    'serve',
    capnp,
    '--socket-addr',
    `http=${host}:${port}`,
    '--directory-path',
    `assets=${assets}`,
  ];
  const child = spawn(workerdBinary(), args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const emit = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) onLine(`[workerd] ${line}`);
  };
  child.stdout?.on('data', emit);
  child.stderr?.on('data', emit);
  const exited = new Promise<never>((_, fail) =>
    child.once('exit', (code) => fail(new Error(`workerd exited early with code ${code}`))),
  );
  exited.catch(() => {});
  await Promise.race([waitForHttp(`http://${host}:${port}/readyz`, 30_000, (r) => r.ok), exited]);
  return {
    child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/**
 * Starts everything; call `stop()` in `afterAll`. Must run inside vitest (the database comes from the
 * run's migrated template, see tests/helpers/global-setup.ts).
 *
 * @example
 * const sys = await startSystem();
 * const booking = await sys.createBooking();
 * const browser = await launchBrowser();
 * const page = await browser.newPage();
 * await page.goto(booking.joinUrl);
 */
export async function startSystem(options: SystemOptions = {}): Promise<System> {
  const dir = mkdtempSync(join(tmpdir(), 'br-e2e-'));
  const logs: string[] = [];
  const onLine = (line: string) => {
    logs.push(line);
    if (logs.length > 500) logs.shift();
    options.onOutput?.(line);
  };
  const cleanups: (() => Promise<void>)[] = [async () => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
  };
  try {
    const port = await freePort();
    const host = options.host ?? '127.0.0.1';
    const baseUrl = `http://${host}:${port}`;
    const webhookUrl = `${baseUrl}/api/livekit/webhook`;
    const [tdb, build, livekit, cluster] = await Promise.all([
      options.databaseUrl ? existingDatabase(options.databaseUrl) : freshTestDatabase(),
      buildInto(join(dir, 'build')),
      options.livekit === false || options.livekitCluster
        ? Promise.resolve(null)
        : startLiveKit({
            ...(typeof options.livekit === 'object' ? options.livekit : {}),
            host,
            dir: join(dir, 'livekit'),
            webhookUrl,
            onOutput: onLine,
          }),
      options.livekitCluster
        ? startLivekitCluster({ nodes: options.livekitCluster, webhookUrl, onOutput: onLine })
        : Promise.resolve(null),
    ]);
    cleanups.push(() => tdb.close());
    if (livekit) cleanups.push(() => livekit.stop());
    if (cluster) cleanups.push(() => cluster.stop());
    const video = livekit ?? (cluster && { ...cluster, turnUrls: cluster.nodes.flatMap((n) => n.turnUrls) });
    if (options.seed !== false) await seedDemoData(tdb.db, { password: DEMO_PASSWORD, iterations: 1000 });
    const env: Record<string, string> = {
      PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
      DATABASE_URL: tdb.url,
      DB_POOL_MAX: '5',
      LOG_LEVEL: 'warn',
      SMS_LOG_ONLY: 'on',
      ...RELAXED_LIMITS,

      // As under `npm start`: the demo operator logs in with the demo password alone.
      OPERATOR_TOTP: 'optional',
      ...(video
        ? {
            LIVEKIT_URL: video.url,
            LIVEKIT_API_KEY: video.apiKey,
            LIVEKIT_API_SECRET: video.apiSecret,
            LIVEKIT_TURN_URLS: video.turnUrls.join(','),
          }
        : {}),
      ...options.env,
    };
    const worker = await startWorker(host, build.capnp, build.assets, port, env, onLine);
    cleanups.push(() => worker.stop());
    const system: System = {
      baseUrl,
      db: tdb.db,
      databaseUrl: tdb.url,
      livekit,
      cluster,
      logs,
      manifest: async () => JSON.parse(readFileSync(join(build.assets, 'manifest.json'), 'utf8')),
      fetch: (path, init) => fetch(`${baseUrl}${path}`, init),
      login: (email = 'berater1@example.org', password = options.demoPassword ?? DEMO_PASSWORD) =>
        loginAt(baseUrl, email, password),
      createBooking: (o) => createBookingIn(tdb.db, baseUrl, o),
      joinAsCitizen: (code) => postJson(`${baseUrl}/api/join`, { code }, {}),
      joinAsCounsellor: (bookingId, session) =>
        postJson(`${baseUrl}/api/staff/bookings/${bookingId}/join`, undefined, session.headers),
      stop,
    };
    return system;
  } catch (error) {
    await stop();
    throw new Error(`system did not start: ${String(error)}\n${logs.slice(-30).join('\n')}`, {
      cause: error,
    });
  }
}

// Imported on use: it reads vitest's run context, which a benchmark outside vitest does not have.
async function freshTestDatabase(): Promise<TestDatabase> {
  const { createTestDatabase } = await import('../../helpers/database.ts');
  return createTestDatabase();
}

async function existingDatabase(url: string): Promise<TestDatabase> {
  const pool = createPool({ connectionString: url, max: 5 });
  const db = createDb(pool);
  return { url, db, pool, close: () => db.destroy() };
}

async function postJson(url: string, json: unknown, headers: Record<string, string>): Promise<JoinTicket> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...headers, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  if (res.status !== 200) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as JoinTicket;
}

async function loginAt(baseUrl: string, email: string, password: string): Promise<StaffSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, csrf: csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

const GRID_MS = 5 * 60_000;

async function createBookingIn(
  db: Kysely<Database>,
  baseUrl: string,
  o: CreateBookingOptions = {},
): Promise<CreatedBooking> {
  const kind = o.kind ?? 'scheduled';
  const at = Date.now() + (o.startsInMinutes ?? 0) * 60_000;
  const start = new Date(kind === 'adhoc' ? at : at - (at % GRID_MS));
  const end = new Date(start.getTime() + (o.minutes ?? 30) * 60_000);
  const code = generateSecret();
  return db.transaction().execute(async (trx) => {
    let counsellors = trx
      .selectFrom('counsellors')
      .innerJoin('staff_users', 'staff_users.id', 'counsellors.staff_user_id')
      .select(['counsellors.id', 'staff_users.email'])
      .where('counsellors.active', '=', true)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('bookings')
              .select('bookings.id')
              .whereRef('bookings.counsellor_id', '=', 'counsellors.id')
              .where('bookings.status', 'in', ['confirmed', 'completed'])
              .where('bookings.start_at', '<', end)
              .where('bookings.end_at', '>', start),
          ),
        ),
      )
      .orderBy('staff_users.email');
    if (o.counsellorEmail) counsellors = counsellors.where('staff_users.email', '=', o.counsellorEmail);
    const counsellor = await counsellors.executeTakeFirst();
    if (!counsellor) throw new Error(`no counsellor free from ${start.toISOString()}`);
    const service =
      o.serviceId ??
      (await trx.selectFrom('services').select('id').orderBy('sort_order').executeTakeFirstOrThrow()).id;
    const status = o.status ?? 'confirmed';
    const row = await trx
      .insertInto('bookings')
      .values({
        service_id: service,
        counsellor_id: counsellor.id,
        kind,
        status,
        start_at: start,
        end_at: end,
        blocked: `[${start.toISOString()},${end.toISOString()})`,
        join_code_hash: await hashSecret(code),
        room_name: generateRoomName(),
        phone_e164: o.phone ?? null,
        name: o.name ?? null,
        language: o.language ?? 'de',
        ...(status === 'cancelled' ? { cancelled_at: new Date(), cancelled_by: 'citizen' as const } : {}),
      })
      .returning(['id', 'room_name'])
      .executeTakeFirstOrThrow();
    // Throws the capacity violation when the video system is full.
    if (status === 'confirmed') await takeCapacity(trx, row.id);
    return {
      id: row.id,
      code,
      joinUrl: `${baseUrl}/j/${code}`,
      roomName: row.room_name,
      counsellorId: counsellor.id,
      counsellorEmail: counsellor.email,
      start,
      end,
    };
  });
}
