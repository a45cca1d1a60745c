// One lab call: the counsellor joins from the office namespace, the citizen through the real join page from the
// shaped namespace; returns what both sides received, the citizen's final mode and the counsellor's indicator.

import type { Browser, Page } from 'playwright-core';
import { releaseCapacity } from '../../functions/capacity/buckets.ts';
import { counsellorJoin, openCounsellor } from '../e2e/citizen-call-harness.ts';
import { launchBrowser, type System } from '../e2e/lib/system.ts';
import type { Lab, Line } from './lab.ts';
import { clickTimed, concealment, type Snapshot, STATS_PROBE, snapshot } from './probe.ts';
import type { Ports, Scenario } from './scenarios.ts';

export interface CallResult {
  scenario: Scenario;
  /** ms from opening the join link until the checks ran and the call library loaded (the page went quiet). */
  readyAfterMs: number;
  /** ms from the join click to the first received audio and video at the citizen (null: never). */
  audioAfterMs: number | null;
  videoAfterMs: number | null;
  /** Concealed share of the citizen's received audio after the first 5 s, and of the counsellor's (null: the
   * peer connection was replaced by a reconnect, so the counters restarted). */
  citizenConcealment: number | null;
  counsellorConcealment: number | null;
  /** Audio samples received after the first 5 s on each side (proof that audio kept flowing). */
  citizenAudioSamples: number;
  counsellorAudioSamples: number;
  /** Audio samples received in the last 5 s on each side (audio still flowing at the end). */
  citizenTailSamples: number;
  counsellorTailSamples: number;
  citizen: Snapshot;
  counsellor: Snapshot;
  /** The mode the citizen's call settled in. */
  mode: 'standard' | 'saver' | 'audio';
  /** The counsellor's indicator of the citizen's line at the end, and the worst it showed during the hold. */
  indicator: string;
  worstIndicator: string;
  /** The page was never reloaded (a marker set before the click survived). */
  samePage: boolean;
  /** What the join page's pre-call check said about UDP and TURN/TLS (empty: no result shown). */
  iceText: string;
  /** The citizen's live status line at the end. */
  statusText: string;
  /** Requests either page made to anything but the app's own origin. */
  foreignRequests: string[];
  /** Scenarios with `recover`: the lowest mode reached, how long after the line recovered the call stepped up,
   * the status sentence then, and the modes seen in the 20 s after that. */
  recovery?: {
    lowest: CallResult['mode'];
    upAfterMs: number | null;
    statusText: string;
    modesAfter: string[];
    /** The counsellor's view of the citizen's line while waiting: own measurement / LiveKit's score. */
    seen: string[];
  };
}

/** The last stretch of each call, in which audio must still be arriving on both sides. */
const TAIL_MS = 5000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await sleep(250);
  }
}

/** Chromium for one side of the lab: fake devices, the lab's plain-HTTP origin treated as secure. */
export function labBrowser(executablePath: string, baseUrl: string): Promise<Browser> {
  return launchBrowser({
    executablePath,
    // The TURN/TLS certificate is self-signed; the origin is plain HTTP on a lab address.
    args: [`--unsafely-treat-insecure-origin-as-secure=${baseUrl}`, '--ignore-certificate-errors'],
  });
}

async function citizenMode(page: Page): Promise<CallResult['mode']> {
  const pressed = (name: string) =>
    page
      .getByRole('button', { name, exact: true })
      .getAttribute('aria-pressed', { timeout: 2000 })
      .catch(() => null);
  if ((await pressed('Nur Ton')) === 'true') return 'audio';
  return (await pressed('Datensparmodus')) === 'true' ? 'saver' : 'standard';
}

/** The counsellor's view of the citizen's line: the citizen's own measurement (null: no report yet) and LiveKit's score. */
function citizenLineAt(page: Page): Promise<{ link: string | null; quality: string }> {
  return page.evaluate(() => {
    const call = (
      window as unknown as {
        counsellor: { call: { peers: { value: { role: string; quality: string; link?: string }[] } } };
      }
    ).counsellor.call;
    const peer = call.peers.value.find((p) => p.role === 'citizen');
    return { link: peer?.link ?? null, quality: peer?.quality ?? 'absent' };
  });
}

/** What the counsellor's indicator shows: the measured line, else LiveKit's score. */
const indicatorOf = (page: Page) => citizenLineAt(page).then((l) => l.link ?? l.quality);
const linkAndScore = (page: Page) => citizenLineAt(page).then((l) => `${l.link ?? '-'}/${l.quality}`);

/** Degraded to audio only, the line comes back: waits for the automatic step up, then watches the mode. */
async function recover(
  page: Page,
  counsellor: Page,
  lab: Lab,
  line: Line,
): Promise<NonNullable<CallResult['recovery']>> {
  const lowest = await until(
    () => citizenMode(page),
    (m) => m === 'audio',
    60_000,
  );
  lab.shape(line);
  const restored = Date.now();
  // What the counsellor's page knows of the citizen's line meanwhile: their own measurement / LiveKit's score.
  const seen: string[] = [];
  const up = await until(
    async () => {
      seen.push(await linkAndScore(counsellor));
      return citizenMode(page);
    },
    (m) => m !== 'audio',
    150_000,
  );
  const upAfterMs = up === 'audio' ? null : Date.now() - restored;
  const statusText = (await page.locator('[role=status]').allInnerTexts()).join(' ');
  const modesAfter: string[] = [];
  for (const end = Date.now() + 20_000; Date.now() < end; await sleep(2000))
    modesAfter.push(await citizenMode(page));
  return { lowest, upAfterMs, statusText, modesAfter, seen: [...new Set(seen)] };
}

/** Runs one scenario for about `holdMs` after audio first flows. */
export async function runCall(
  sys: System,
  lab: Lab,
  browsers: { citizen: Browser; office: Browser },
  scenario: Scenario,
  ports: Ports,
  holdMs = 20_000,
): Promise<CallResult> {
  lab.shape(scenario.line(ports));
  const booking = await sys.createBooking();
  const staff = await sys.login(booking.counsellorEmail);
  const counsellor = await openCounsellor(browsers.office, sys.baseUrl, STATS_PROBE);
  const citizenContext = await browsers.citizen.newContext();
  const foreignRequests: string[] = [];
  for (const context of [counsellor.context, citizenContext])
    context.on('request', (req) => {
      const url = req.url();
      if (!/^(data|blob|about):/.test(url) && new URL(url).origin !== sys.baseUrl) foreignRequests.push(url);
    });
  try {
    await counsellorJoin(counsellor.page, await sys.joinAsCounsellor(booking.id, staff));
    await counsellor.page.evaluate(() => {
      (window as unknown as { __lab: { clickAt: number } }).__lab.clickAt = performance.now();
    });
    await citizenContext.addInitScript(STATS_PROBE);
    const page = await citizenContext.newPage();
    const opened = Date.now();
    await page.goto(booking.joinUrl);
    // The citizen reads the notice while the checks run and the call library loads.
    await page.locator('.check button').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
    const readyAfterMs = Date.now() - opened;
    const iceText = await page
      .locator('p.ice')
      .textContent({ timeout: 15_000 })
      .then((t) => t ?? '')
      .catch(() => '');
    await page.evaluate(() => {
      (window as unknown as { __labMarker: boolean }).__labMarker = true;
    });
    if (scenario.chooseSaver) await page.getByLabel('Datensparmodus', { exact: false }).check();
    await clickTimed(page.locator('main button.primary'));
    const first = await until(
      () => snapshot(page),
      (s) => s.audioAfterMs !== null,
      30_000,
    );
    if (first.audioAfterMs === null) throw new Error(`${scenario.name}: no audio 30 s after the click`);
    await sleep(5000);
    const [c5, k5] = [await snapshot(page), await snapshot(counsellor.page)];
    if (scenario.degradeTo) lab.shape(scenario.degradeTo);
    if (scenario.dropMs) {
      lab.cut(true);
      await sleep(scenario.dropMs);
      lab.cut(false);
    }
    const seen: string[] = [];
    for (const until = Date.now() + holdMs; Date.now() < until; await sleep(1000))
      seen.push(await indicatorOf(counsellor.page));
    const recovery = scenario.recover
      ? await recover(page, counsellor.page, lab, scenario.line(ports))
      : undefined;
    if (scenario.degradeTo && !recovery)
      await until(
        () => citizenMode(page),
        (m) => m !== 'standard',
        30_000,
      );
    const [cTail, kTail] = [await snapshot(page), await snapshot(counsellor.page)];
    await sleep(TAIL_MS);
    const [citizen, counsellorEnd] = [await snapshot(page), await snapshot(counsellor.page)];
    return {
      scenario,
      readyAfterMs,
      audioAfterMs: citizen.audioAfterMs,
      videoAfterMs: citizen.videoAfterMs,
      citizenConcealment: concealment(c5, citizen),
      counsellorConcealment: concealment(k5, counsellorEnd),
      citizenAudioSamples: citizen.audio.samples - c5.audio.samples,
      counsellorAudioSamples: counsellorEnd.audio.samples - k5.audio.samples,
      citizenTailSamples: citizen.audio.samples - cTail.audio.samples,
      counsellorTailSamples: counsellorEnd.audio.samples - kTail.audio.samples,
      citizen,
      counsellor: counsellorEnd,
      mode: await citizenMode(page),
      indicator: await indicatorOf(counsellor.page),
      worstIndicator:
        ['weak', 'fair', 'good'].find((level) => seen.includes(level)) ?? seen.at(-1) ?? 'absent',
      foreignRequests,
      ...(recovery ? { recovery } : {}),
      iceText,
      statusText: (await page.locator('[role=status]').allInnerTexts()).join(' '),
      samePage: await page.evaluate(
        () => (window as unknown as { __labMarker?: boolean }).__labMarker === true,
      ),
    };
  } finally {
    await citizenContext.close().catch(() => {});
    await counsellor.context.close().catch(() => {});
    // Nine scenarios book into the same hour: free the counsellor and the capacity for the next one, as a
    // cancellation does (the demo allows eight concurrent sessions).
    await sys.db
      .transaction()
      .execute(async (trx) => {
        const row = await trx
          .updateTable('bookings')
          .set({ status: 'cancelled', cancelled_at: new Date(), cancelled_by: 'citizen' })
          .where('id', '=', booking.id)
          .where('status', '=', 'confirmed')
          .returning(['start_at', 'end_at', 'kind'])
          .executeTakeFirst();
        if (row) await releaseCapacity(trx, booking.id);
      })
      .catch(() => {});
  }
}

/** One line per call for logs and the bench table. */
export function summarize(r: CallResult): string {
  const ms = (v: number | null) => (v === null ? '—' : `${(v / 1000).toFixed(1)} s`);
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
  const v = r.citizen.video;
  const k = r.counsellor.video;
  const relay = r.citizen.pairs.some((p) => p.localType === 'relay') ? 'relay' : 'direct';
  return [
    `#${r.scenario.id} ${r.scenario.name}`,
    `ready ${ms(r.readyAfterMs)}`,
    `audio ${ms(r.audioAfterMs)}`,
    `video ${ms(r.videoAfterMs)}`,
    `concealed citizen ${pct(r.citizenConcealment)} counsellor ${pct(r.counsellorConcealment)}`,
    `citizen sees ${v.width}x${v.height}@${v.fps.toFixed(0)}`,
    `counsellor sees ${k.width}x${k.height}@${k.fps.toFixed(0)}`,
    `mode ${r.mode}`,
    `indicator ${r.indicator} (worst ${r.worstIndicator})`,
    relay,
  ].join(' | ');
}
