// Shared pieces of the citizen-page browser tests: polling, keyboard focus, axe, flowing RTP streams and
// LiveKit's view of published tracks; the call harness itself lives in citizen-call-harness.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RoomServiceClient, TrackType } from 'livekit-server-sdk';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type RtpStat, rtpStats } from './citizen-call-harness.ts';
import type { System } from './lib/system.ts';

export {
  counsellorJoin,
  counsellorLeave,
  counsellorPeers,
  counsellorScreen,
  openCounsellor,
  rtpStats,
  TRACK_PEER_CONNECTIONS,
} from './citizen-call-harness.ts';

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
