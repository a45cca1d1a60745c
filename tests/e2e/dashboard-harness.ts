// Browser helpers for the dashboard tests: a citizen call harness on the app's origin, axe-core, polling.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

const LIVEKIT_UMD = readFileSync(resolve('node_modules/livekit-client/dist/livekit-client.umd.js'), 'utf8');
const AXE = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/** The citizen's side: joins with a token, records what each remote track delivers (frames, size). */
const HARNESS = `
const { Room, RoomEvent } = LivekitClient;
window.citizen = {
  room: null,
  remote: {},
  async join(url, token) {
    const room = new Room({ adaptiveStream: false, dynacast: false });
    this.room = room;
    room.on(RoomEvent.TrackSubscribed, (track) => {
      const info = { kind: track.kind, frames: 0, width: 0 };
      this.remote[track.source] = info;
      const el = track.attach();
      document.body.appendChild(el);
      if (track.kind === 'video') {
        const tick = (_now, meta) => { info.frames = meta.presentedFrames; info.width = el.videoWidth; el.requestVideoFrameCallback(tick); };
        el.requestVideoFrameCallback(tick);
      }
    });
    room.on(RoomEvent.TrackUnsubscribed, (track) => { delete this.remote[track.source]; });
    await room.connect(url, token);
    await room.localParticipant.enableCameraAndMicrophone();
  },
};
`;

/** A blank page on the app's origin (so loopback LiveKit is reachable) running the citizen harness. */
export async function openCitizen(
  browser: Browser,
  baseUrl: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/healthz`);
  await page.setContent(
    '<!doctype html><html lang="de"><head><title>citizen</title></head><body></body></html>',
  );
  await page.addScriptTag({ content: LIVEKIT_UMD });
  await page.addScriptTag({ content: HARNESS });
  return { context, page };
}

export type Remote = Record<string, { kind: string; frames: number; width: number }>;

export const remoteTracks = (page: Page) =>
  page.evaluate(() => (window as unknown as { citizen: { remote: Remote } }).citizen.remote);

/** Polls until `check` stops throwing, for at most `ms`. */
export async function eventually<T>(check: () => Promise<T>, ms = 20_000): Promise<T> {
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

/** Frames of a remote track keep arriving at the citizen. */
export async function expectFrames(page: Page, source: string): Promise<void> {
  const first = await eventually(async () => {
    const r = (await remoteTracks(page))[source];
    expect(r?.width).toBeGreaterThan(0);
    return r!.frames;
  });
  await eventually(async () => expect((await remoteTracks(page))[source]?.frames).toBeGreaterThan(first + 3));
}

/**
 * Runs axe-core on the page (WCAG 2.1 A/AA rules) and returns the violations. axe is served through a
 * route on the app's origin so the page's CSP (script-src 'self') allows it.
 */
export async function axeViolations(page: Page, baseUrl: string) {
  await page.route(`${baseUrl}/__axe.js`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: AXE }),
  );
  await page.addScriptTag({ url: `${baseUrl}/__axe.js` });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: unknown[] }> } }
    ).axe;
    return axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  });
  return (result.violations as { id: string; nodes: { target: string[] }[] }[]).map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Edge energy of a region of a video track rendered into a canvas: the mean absolute difference of
 * neighbouring pixels. Blurring or pixelating the background lowers it sharply.
 */
export function edgeEnergyOfPublishedCamera(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const cs = (
      window as unknown as {
        __brCall: { localVideo: { value: { mediaStreamTrack: MediaStreamTrack } | null } };
      }
    ).__brCall;
    const track = cs.localVideo.value!.mediaStreamTrack;
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = new MediaStream([track]);
    await video.play();
    await new Promise((r) => setTimeout(r, 400));
    const w = video.videoWidth;
    const h = video.videoHeight;
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    let total = 0;
    const samples = 3;
    for (let s = 0; s < samples; s++) {
      ctx.drawImage(video, 0, 0, w, h);
      // The top-left quarter: background in every frame of the fake camera.
      const region = ctx.getImageData(0, 0, Math.floor(w / 2), Math.floor(h / 2));
      const d = region.data;
      let sum = 0;
      let n = 0;
      for (let y = 0; y < region.height; y++) {
        for (let x = 1; x < region.width; x++) {
          const i = (y * region.width + x) * 4;
          sum +=
            Math.abs(d[i]! - d[i - 4]!) + Math.abs(d[i + 1]! - d[i - 3]!) + Math.abs(d[i + 2]! - d[i - 2]!);
          n++;
        }
      }
      total += sum / n;
      await new Promise((r) => setTimeout(r, 150));
    }
    video.srcObject = null;
    return total / samples;
  });
}

/**
 * Writes a fake camera clip (Y4M, 640×360, 15 fps) of a fine checkerboard with a moving bar: sharp edges
 * everywhere and no person, so a blurred or pixelated background changes the pixels unmistakably.
 */
export function writeCheckerboardY4m(path: string): void {
  const w = 640;
  const h = 360;
  const frames = 15;
  const header = Buffer.from(`YUV4MPEG2 W${w} H${h} F15:1 Ip A1:1 C420jpeg\n`);
  const frameSize = w * h + 2 * (w / 2) * (h / 2);
  const out = Buffer.alloc(header.length + frames * (6 + frameSize));
  header.copy(out, 0);
  let o = header.length;
  for (let f = 0; f < frames; f++) {
    out.write('FRAME\n', o);
    o += 6;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const bar = Math.abs(x - ((f * 40) % w)) < 20;
        out[o++] = bar ? 128 : ((x >> 2) + (y >> 2)) % 2 === 0 ? 235 : 16;
      }
    out.fill(128, o, o + frameSize - w * h);
    o += frameSize - w * h;
  }
  writeFileSync(path, out);
}
