// Benchmark of the citizen web: time to first render of /j/CODE and / on a throttled mobile line (150 ms RTT,
// 1.6 Mbit/s down, 750 kbit/s up via the DevTools protocol), and the bitrate the citizen receives in a real
// LiveKit call in standard, data-saver and audio-only mode.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessToken } from 'livekit-server-sdk';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createDb, createPool } from '../functions/db/connect.ts';
import { generateRoomName, generateSecret, hashSecret } from '../functions/platform/secrets.ts';
import { freePort } from '../scripts/lib/embedded-postgres.ts';
import { startLiveKit } from '../scripts/lib/livekit.ts';
import { startWorkerd } from '../scripts/lib/workerd.ts';
import {
  counsellorJoin,
  openCounsellor,
  rtpStats,
  TRACK_PEER_CONNECTIONS,
} from '../tests/e2e/citizen-call-harness.ts';
import type { BenchContext } from './run.ts';

const RUNS = 5;
const LINE = { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const round = (n: number) => Math.round(n);

/** A confirmed ad-hoc booking that starts now, with a join code known to the benchmark. */
async function createOpenBooking(databaseUrl: string): Promise<{ id: string; code: string; room: string }> {
  const db = createDb(createPool({ connectionString: databaseUrl, max: 1 }));
  try {
    const code = generateSecret();
    const start = new Date();
    const end = new Date(start.getTime() + 30 * 60_000);
    const busy = db
      .selectFrom('bookings')
      .select('counsellor_id')
      .where('status', 'in', ['confirmed', 'completed'])
      .where('start_at', '<', end)
      .where('end_at', '>', start);
    const counsellor = await db
      .selectFrom('counsellors')
      .select('id')
      .where('active', '=', true)
      .where('id', 'not in', busy)
      .executeTakeFirstOrThrow();
    const service = await db
      .selectFrom('services')
      .select('id')
      .orderBy('sort_order')
      .executeTakeFirstOrThrow();
    const row = await db
      .insertInto('bookings')
      .values({
        service_id: service.id,
        counsellor_id: counsellor.id,
        kind: 'adhoc',
        start_at: start,
        end_at: end,
        blocked: `[${start.toISOString()},${end.toISOString()})`,
        join_code_hash: await hashSecret(code),
        room_name: generateRoomName(),
      })
      .returning(['id', 'room_name'])
      .executeTakeFirstOrThrow();
    return { id: row.id, code, room: row.room_name };
  } finally {
    await db.destroy();
  }
}

/** Cold loads of a page on the throttled line: first contentful paint, page ready, video library loaded. */
async function throttledLoads(browser: Browser, url: string, ready: string) {
  const fcp: number[] = [];
  const readyAt: number[] = [];
  const library: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...LINE });
    await page.goto(url);
    await page.waitForSelector(ready);
    readyAt.push(await page.evaluate(() => performance.now()));
    // The join page fetches livekit-client after its checks; wait for it where there is one.
    const lib = await page
      .waitForFunction(
        () =>
          (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find(
            (e) => e.encodedBodySize > 100_000,
          )?.responseEnd,
        undefined,
        { timeout: url.includes('/j/') ? 30_000 : 1 },
      )
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => Number.NaN);
    library.push(lib);
    fcp.push(
      await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      ),
    );
    await context.close();
  }
  return {
    firstContentfulPaintMs: round(median(fcp)),
    readyMs: round(median(readyAt)),
    ...(library.some(Number.isFinite) ? { videoLibraryLoadedMs: round(median(library)) } : {}),
  };
}

/** kbit/s received by the citizen (all media, and video alone) over `ms`. */
async function receivedKbps(page: Page, ms: number) {
  const sum = async () => {
    const stats = (await rtpStats(page)).filter((s) => s.type === 'inbound-rtp');
    return {
      all: stats.reduce((n, s) => n + s.bytes, 0),
      video: stats.filter((s) => s.kind === 'video').reduce((n, s) => n + s.bytes, 0),
    };
  };
  const a = await sum();
  await page.waitForTimeout(ms);
  const b = await sum();
  const kbps = (bytes: number) => round((bytes * 8) / ms);
  return { totalKbps: kbps(b.all - a.all), videoKbps: kbps(b.video - a.video) };
}

export async function benchWeb(ctx: BenchContext): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'br-bench-web-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const livekit = await startLiveKit({ dir, webhookUrl: `${baseUrl}/api/livekit/webhook` });
  // A second worker on the same database, this one with the video server configured.
  const worker = await startWorkerd({
    port,
    env: {
      PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
      DATABASE_URL: ctx.databaseUrl,
      RATE_LIMITS: 'off',
      LOG_LEVEL: 'warn',
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--disable-background-networking',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  try {
    const booking = await createOpenBooking(ctx.databaseUrl);
    const joinPage = await throttledLoads(browser, `${baseUrl}/j/${booking.code}`, 'button.primary');
    const bookingPage = await throttledLoads(browser, `${baseUrl}/`, 'input[name=service]');

    const citizen = await browser.newContext();
    await citizen.addInitScript(TRACK_PEER_CONNECTIONS);
    const page = await citizen.newPage();
    await page.goto(`${baseUrl}/j/${booking.code}`);
    await page.waitForSelector('input[type=checkbox]');
    await page.getByRole('button', { name: 'Kamera erlauben und beitreten' }).click();
    await page.waitForSelector('p.status');
    const token = new AccessToken(livekit.apiKey, livekit.apiSecret, {
      identity: `counsellor:${booking.id}:00000000-0000-4000-8000-000000000000`,
      name: 'Bench',
    });
    token.addGrant({ room: booking.room, roomJoin: true, canPublish: true, canSubscribe: true });
    const { page: counsellor } = await openCounsellor(browser, baseUrl);
    await counsellorJoin(counsellor, { serverUrl: livekit.url, token: await token.toJwt() });
    await page.waitForSelector('video.main');
    const measureMs = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
    const estimate = async () =>
      (await page.locator('.call > p.muted').textContent())?.match(/(\d+) MB/)?.[1];
    await page.waitForTimeout(4000);
    const standard = { ...(await receivedKbps(page, measureMs)), estimateMb30: Number(await estimate()) };
    await page.getByRole('button', { name: 'Datensparmodus' }).click();
    await page.waitForTimeout(5000);
    const dataSaver = { ...(await receivedKbps(page, measureMs)), estimateMb30: Number(await estimate()) };
    await page.getByRole('button', { name: 'Nur Ton' }).click();
    await page.waitForTimeout(4000);
    const audioOnly = { ...(await receivedKbps(page, measureMs)), estimateMb30: Number(await estimate()) };
    const mb30 = (kbps: number) => round((kbps * 1000 * 1800) / 8 / 1e6);
    return {
      throttledLine: '150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up',
      joinPage,
      bookingPage,
      receivedInCall: {
        standard: { ...standard, measuredMb30: mb30(standard.totalKbps) },
        dataSaver: { ...dataSaver, measuredMb30: mb30(dataSaver.totalKbps) },
        audioOnly: { ...audioOnly, measuredMb30: mb30(audioOnly.totalKbps) },
      },
    };
  } finally {
    await browser.close();
    await worker.stop();
    await livekit.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
