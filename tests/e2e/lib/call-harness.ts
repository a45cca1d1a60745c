// The call harness for browser tests: a blank page on the app's origin with livekit-client and a small driver.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { JoinTicket } from './system.ts';

const LIVEKIT_UMD = readFileSync(resolve('node_modules/livekit-client/dist/livekit-client.umd.js'), 'utf8');

/**
 * A test-only driver, loaded after the livekit-client bundle into a blank document on the app's origin:
 * it joins with a token and records what each remote track delivers.
 */
export const HARNESS = `
const { Room, RoomEvent, Track } = LivekitClient;
window.calls = {
  room: null,
  remote: {},
  events: [],
  async join(url, token) {
    const room = new Room({ adaptiveStream: false, dynacast: false });
    this.room = room;
    room.on(RoomEvent.TrackSubscribed, (track, _pub, participant) => {
      const key = participant.identity.split(':')[0] + '/' + track.source;
      // Frames count on across a re-subscription (a reconnect), so a reading never goes backwards.
      const base = this.remote[key] ? this.remote[key].frames : 0;
      const info = { kind: track.kind, frames: base, width: 0, bytes: 0, energy: 0, samples: 0 };
      this.remote[key] = info;
      const el = track.attach();
      document.body.appendChild(el);
      if (track.kind === 'video') {
        const tick = (_now, meta) => {
          info.frames = base + meta.presentedFrames;
          info.width = el.videoWidth;
          el.requestVideoFrameCallback(tick);
        };
        el.requestVideoFrameCallback(tick);
      } else {
        const poll = async () => {
          const s = await track.getReceiverStats();
          if (s) { info.bytes = s.bytesReceived || 0; info.energy = s.totalAudioEnergy || 0; info.samples = s.totalSamplesDuration || 0; }
        };
        setInterval(poll, 250);
      }
    });
    room.on(RoomEvent.Disconnected, (reason) => this.events.push('disconnected:' + reason));
    room.on(RoomEvent.Reconnecting, () => this.events.push('reconnecting'));
    room.on(RoomEvent.Reconnected, () => this.events.push('reconnected'));
    room.on(RoomEvent.ParticipantConnected, (p) => this.events.push('joined:' + p.identity.split(':')[0]));
    room.on(RoomEvent.ParticipantDisconnected, (p) => this.events.push('left:' + p.identity.split(':')[0]));
    await room.connect(url, token);
    await room.localParticipant.enableCameraAndMicrophone();
    return room.name;
  },
  /** A moving canvas published as a screen share: what getDisplayMedia would deliver. */
  async shareCanvas() {
    const canvas = document.createElement('canvas');
    canvas.width = 640; canvas.height = 360;
    const ctx = canvas.getContext('2d');
    let n = 0;
    setInterval(() => {
      ctx.fillStyle = 'hsl(' + (n++ * 7) % 360 + ',60%,50%)';
      ctx.fillRect(0, 0, 640, 360);
      ctx.fillStyle = '#fff';
      ctx.fillText('Formular ' + n, 20 + (n % 500), 180);
    }, 66);
    const track = canvas.captureStream(15).getVideoTracks()[0];
    const pub = await this.room.localParticipant.publishTrack(track, { source: Track.Source.ScreenShare, name: 'screen' });
    return pub.trackSid;
  },
  async leave() { await this.room.disconnect(); },
};
`;

/**
 * Opens a blank page whose origin and address space are the app's (loopback, like production's same-site
 * setup): Chromium lets such a page reach the LiveKit server on loopback, which a page faked by request
 * interception may not. The app's CSP only covers what the app serves, so this context bypasses it.
 */
export async function openHarness(
  browser: Browser,
  baseUrl: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  if (process.env.E2E_VERBOSE) {
    page.on('console', (m) => console.log(`[page] ${m.text()}`));
    page.on('requestfailed', (r) => console.log(`[page] failed ${r.url()} ${r.failure()?.errorText}`));
  }
  await page.goto(`${baseUrl}/healthz`);
  await page.setContent('<!doctype html><html><head><title>call harness</title></head><body></body></html>');
  await page.addScriptTag({ content: LIVEKIT_UMD });
  await page.addScriptTag({ content: HARNESS });
  await page.waitForFunction(() => 'calls' in window);
  return { context, page };
}

export type Remote = Record<
  string,
  { kind: string; frames: number; width: number; bytes: number; energy: number }
>;
export const remote = (page: Page) =>
  page.evaluate(() => (window as unknown as { calls: { remote: Remote } }).calls.remote);
export const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { calls: { events: string[] } }).calls.events);
export const join = (page: Page, t: JoinTicket) =>
  page.evaluate(
    ([url, token]) =>
      (window as unknown as { calls: { join(u: string, t: string): Promise<string> } }).calls.join(
        url!,
        token!,
      ),
    [t.serverUrl, t.token],
  );

/** Polls until `check` passes (it throws until then), for at most `ms`. */
export async function eventually<T>(check: () => Promise<T>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Frames keep arriving: two readings a moment apart, the second higher. */
export async function expectMoving(page: Page, key: string): Promise<void> {
  const first = await eventually(async () => {
    const r = (await remote(page))[key];
    expect(r?.width).toBeGreaterThan(0);
    expect(r?.frames).toBeGreaterThan(0);
    return r!.frames;
  });
  await eventually(async () => expect((await remote(page))[key]?.frames).toBeGreaterThan(first + 5));
}
