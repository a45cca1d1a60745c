// The counsellor's side of a call and peer-connection statistics, for browser tests and the web benchmark
// (no test-runner imports here).
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';

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

let counsellorBundle: Promise<string> | null = null;

/** The call module (web/src/shared/call) as one script, exposing `window.counsellor` for the test. */
function bundleCounsellor(): Promise<string> {
  counsellorBundle ??= build({
    stdin: {
      contents: `import { Track } from 'livekit-client';
        import { connect } from './web/src/shared/call/index.ts';
        window.counsellor = {
          call: null,
          async join(serverUrl, token) {
            this.call = await connect({ serverUrl, token, role: 'counsellor' });
            return this.call.room.name;
          },
          peers() { return this.call.peers.value.map((p) => ({ identity: p.identity, camera: !!p.camera })); },
          async leave() { await this.call.leave(); },
          /** A moving canvas published as a screen share: what getDisplayMedia would deliver. */
          async shareScreen() {
            const canvas = document.createElement('canvas');
            canvas.width = 640; canvas.height = 360;
            const ctx = canvas.getContext('2d');
            let n = 0;
            this.timer = setInterval(() => {
              ctx.fillStyle = 'hsl(' + (n++ * 7) % 360 + ',60%,50%)';
              ctx.fillRect(0, 0, 640, 360);
            }, 66);
            this.screen = canvas.captureStream(15).getVideoTracks()[0];
            await this.call.room.localParticipant.publishTrack(this.screen, { source: Track.Source.ScreenShare });
          },
          async stopScreen() {
            clearInterval(this.timer);
            await this.call.room.localParticipant.unpublishTrack(this.screen);
          },
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
  baseUrl: string,
  initScript?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ bypassCSP: true });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/healthz`);
  await page.setContent(
    '<!doctype html><html lang="de"><head><title>counsellor</title></head><body></body></html>',
  );
  await page.addScriptTag({ content: await bundleCounsellor() });
  return { context, page };
}

export function counsellorJoin(page: Page, ticket: { serverUrl: string; token: string }): Promise<string> {
  return page.evaluate(
    ([url, token]) =>
      (window as unknown as { counsellor: { join(u: string, t: string): Promise<string> } }).counsellor.join(
        url!,
        token!,
      ),
    [ticket.serverUrl, ticket.token],
  );
}

interface CounsellorWindow {
  counsellor: {
    peers(): { identity: string; camera: boolean }[];
    leave(): Promise<void>;
    shareScreen(): Promise<void>;
    stopScreen(): Promise<void>;
  };
}

/** Starts or stops a screen share (a moving canvas) from the counsellor's side. */
export function counsellorScreen(page: Page, on: boolean): Promise<void> {
  return page.evaluate(
    (share) => (window as unknown as CounsellorWindow).counsellor[share ? 'shareScreen' : 'stopScreen'](),
    on,
  );
}

/** The counsellor's view of the others in the room. */
export function counsellorPeers(page: Page): Promise<{ identity: string; camera: boolean }[]> {
  return page.evaluate(() => (window as unknown as CounsellorWindow).counsellor.peers());
}

export function counsellorLeave(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as CounsellorWindow).counsellor.leave());
}
