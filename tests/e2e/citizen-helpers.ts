// Shared pieces of the citizen-page browser tests: polling, keyboard focus, axe, the counsellor's side of a
// call through web/src/shared/call, peer-connection statistics and LiveKit's view of published tracks.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { RoomServiceClient, TrackType } from 'livekit-server-sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { JoinTicket, System } from './lib/system.ts';

/** Polls until `check` stops throwing, for at most `ms`. */
export async function eventually<T>(check: () => Promise<T>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Presses Tab (at most `max` times) until the focused element matches `selector`. */
export async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const AXE = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.x A and AA rules) on the page as it is now; returns the violations, readable. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: unknown[] }> } }).axe;
    return axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
  });
  return (result.violations as { id: string; help: string; nodes: { target: string[] }[] }[]).map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** Records every RTCPeerConnection a page creates, so tests can read getStats() from the outside. */
export const TRACK_PEER_CONNECTIONS = `(() => {
  const Native = window.RTCPeerConnection;
  window.__pcs = [];
  window.RTCPeerConnection = class extends Native {
    constructor(...args) { super(...args); window.__pcs.push(this); }
  };
})();`;

export interface RtpStat {
  type: string;
  kind: string;
  rid?: string;
  bytes: number;
  frameHeight?: number;
  framesDecoded?: number;
}

/** Outbound and inbound RTP statistics of all recorded peer connections. */
export function rtpStats(page: Page): Promise<RtpStat[]> {
  return page.evaluate(async () => {
    const out: RtpStat[] = [];
    for (const pc of (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s) => {
        if (s.type !== 'outbound-rtp' && s.type !== 'inbound-rtp') return;
        out.push({
          type: s.type,
          kind: s.kind,
          rid: s.rid,
          bytes: s.type === 'outbound-rtp' ? s.bytesSent : s.bytesReceived,
          frameHeight: s.frameHeight,
          framesDecoded: s.framesDecoded,
        });
      });
    }
    return out;
  });
}

/** Video RTP streams whose byte counters grew within `ms`: what is really flowing now. */
export async function flowingVideo(page: Page, type: 'outbound-rtp' | 'inbound-rtp', ms = 2500) {
  const key = (s: RtpStat) => `${s.type}/${s.kind}/${s.rid ?? ''}/${s.frameHeight ?? ''}`;
  const before = new Map((await rtpStats(page)).map((s) => [key(s), s.bytes]));
  await new Promise((r) => setTimeout(r, ms));
  const after = await rtpStats(page);
  return after
    .filter((s) => s.type === type && s.kind === 'video')
    .map((s) => ({ ...s, delta: s.bytes - (before.get(key(s)) ?? 0) }))
    .filter((s) => s.delta > 0);
}

/** LiveKit's own view of what a participant publishes: track types and simulcast layer heights. */
export async function publishedTracks(sys: System, room: string, identityPrefix: string) {
  const lk = sys.livekit!;
  const client = new RoomServiceClient(lk.httpUrl, lk.apiKey, lk.apiSecret);
  const participants = await client.listParticipants(room);
  const p = participants.find((x) => x.identity.startsWith(identityPrefix));
  return (p?.tracks ?? []).map((t) => ({
    type: t.type === TrackType.VIDEO ? 'video' : t.type === TrackType.AUDIO ? 'audio' : 'data',
    source: t.source,
    muted: t.muted,
    height: t.height,
    layers: t.layers.map((l) => l.height),
  }));
}

let counsellorBundle: Promise<string> | null = null;

/** The call module (web/src/shared/call) as one script, exposing `window.counsellor` for the test. */
function bundleCounsellor(): Promise<string> {
  counsellorBundle ??= build({
    stdin: {
      contents: `import { connect } from './web/src/shared/call/index.ts';
        window.counsellor = {
          call: null,
          async join(serverUrl, token) {
            this.call = await connect({ serverUrl, token, role: 'counsellor' });
            return this.call.room.name;
          },
          peers() { return this.call.peers.value.map((p) => ({ identity: p.identity, camera: !!p.camera })); },
          async leave() { await this.call.leave(); },
        };`,
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2020',
    logLevel: 'error',
  }).then((r) => r.outputFiles[0]!.text);
  return counsellorBundle;
}

/**
 * The counsellor's side in its own browser context: a blank page on the app's origin (so Chromium lets it
 * reach the loopback LiveKit server) running the same call module the dashboard uses.
 */
export async function openCounsellor(
  browser: Browser,
  sys: System,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${sys.baseUrl}/healthz`);
  await page.setContent(
    '<!doctype html><html lang="de"><head><title>counsellor</title></head><body></body></html>',
  );
  await page.addScriptTag({ content: await bundleCounsellor() });
  return { context, page };
}

export function counsellorJoin(page: Page, ticket: JoinTicket): Promise<string> {
  return page.evaluate(
    ([url, token]) =>
      (window as unknown as { counsellor: { join(u: string, t: string): Promise<string> } }).counsellor.join(
        url!,
        token!,
      ),
    [ticket.serverUrl, ticket.token],
  );
}

/** Frames of the visible remote video keep being decoded (two readings, the second higher). */
export async function expectDecoding(page: Page, selector: string): Promise<void> {
  const frames = () =>
    page.evaluate((s) => {
      const v = document.querySelector(s) as HTMLVideoElement | null;
      return v && v.videoWidth > 0 ? v.getVideoPlaybackQuality().totalVideoFrames : -1;
    }, selector);
  const first = await eventually(async () => {
    const n = await frames();
    expect(n).toBeGreaterThan(0);
    return n;
  }, 20_000);
  await eventually(async () => expect(await frames()).toBeGreaterThan(first + 3));
}

interface CounsellorWindow {
  counsellor: { peers(): { identity: string; camera: boolean }[]; leave(): Promise<void> };
}

/** The counsellor's view of the others in the room. */
export function counsellorPeers(page: Page): Promise<{ identity: string; camera: boolean }[]> {
  return page.evaluate(() => (window as unknown as CounsellorWindow).counsellor.peers());
}

export function counsellorLeave(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as CounsellorWindow).counsellor.leave());
}
