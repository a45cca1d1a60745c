// What each side hears and sees, read in the page from RTCPeerConnection.getStats(): an init script that
// records the peer connections and the first audio and video after the join click, and a snapshot reader.
import type { Locator, Page } from 'playwright-core';

/** Runs before any page script: records peer connections and, once `__lab.clickAt` is set, first media. */
export const STATS_PROBE = `(() => {
  const Native = window.RTCPeerConnection;
  window.__pcs = [];
  window.RTCPeerConnection = class extends Native {
    constructor(...args) { super(...args); window.__pcs.push(this); }
  };
  const lab = (window.__lab = { clickAt: null, firstAudio: null, firstVideo: null });
  setInterval(async () => {
    if (lab.clickAt === null || (lab.firstAudio !== null && lab.firstVideo !== null)) return;
    for (const pc of window.__pcs) {
      if (pc.connectionState === 'closed') continue;
      (await pc.getStats()).forEach((s) => {
        if (s.type !== 'inbound-rtp') return;
        if (s.kind === 'audio' && s.totalSamplesReceived > 0 && lab.firstAudio === null) lab.firstAudio = performance.now();
        if (s.kind === 'video' && s.framesDecoded > 0 && lab.firstVideo === null) lab.firstVideo = performance.now();
      });
    }
  }, 100);
})();`;

export interface Snapshot {
  /** Received audio: samples decoded, of which concealed (lost or late and made up), bytes. */
  audio: { samples: number; concealed: number; bytes: number; packetsLost: number; packetsReceived: number };
  /** The largest received camera stream (screen shares excluded by the caller's room). */
  video: { fps: number; width: number; height: number; frames: number };
  /** Selected candidate pairs of the live peer connections. */
  pairs: {
    localType: string;
    remoteType: string;
    relayProtocol: string | null;
    /** The TURN server the local relay candidate came from. */
    url: string | null;
    rttMs: number | null;
  }[];
  iceServers: string[];
  /** ms after the click (page clock) that audio and video were first received, or null. */
  audioAfterMs: number | null;
  videoAfterMs: number | null;
}

/** Reads the page's statistics now. */
export function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(async () => {
    type Stat = Record<string, number | string | boolean | undefined>;
    const w = window as unknown as {
      __pcs: RTCPeerConnection[];
      __lab: { clickAt: number | null; firstAudio: number | null; firstVideo: number | null };
    };
    const out: Snapshot = {
      audio: { samples: 0, concealed: 0, bytes: 0, packetsLost: 0, packetsReceived: 0 },
      video: { fps: 0, width: 0, height: 0, frames: 0 },
      pairs: [],
      iceServers: [],
      audioAfterMs: null,
      videoAfterMs: null,
    };
    // No named helper functions in here: tsx (the bench) would wrap them in a __name() the page lacks.
    for (const pc of w.__pcs) {
      for (const server of pc.getConfiguration().iceServers ?? [])
        for (const url of ([] as string[]).concat(server.urls)) out.iceServers.push(url);
      if (pc.connectionState === 'closed') continue;
      const stats = new Map<string, Stat>();
      (await pc.getStats()).forEach((s: Stat) => {
        stats.set(String(s.id), s);
      });
      for (const s of stats.values()) {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') {
          out.audio.samples += Number(s.totalSamplesReceived) || 0;
          out.audio.concealed += Number(s.concealedSamples) || 0;
          out.audio.bytes += Number(s.bytesReceived) || 0;
          out.audio.packetsLost += Number(s.packetsLost) || 0;
          out.audio.packetsReceived += Number(s.packetsReceived) || 0;
        }
        if (
          s.type === 'inbound-rtp' &&
          s.kind === 'video' &&
          (Number(s.frameHeight) || 0) >= out.video.height
        ) {
          out.video = {
            fps: Number(s.framesPerSecond) || 0,
            width: Number(s.frameWidth) || 0,
            height: Number(s.frameHeight) || 0,
            frames: Number(s.framesDecoded) || 0,
          };
        }
        if (s.type === 'transport' && s.selectedCandidatePairId) {
          const pair = stats.get(String(s.selectedCandidatePairId));
          const local = pair && stats.get(String(pair.localCandidateId));
          const remote = pair && stats.get(String(pair.remoteCandidateId));
          if (pair && local && remote)
            out.pairs.push({
              localType: String(local.candidateType),
              remoteType: String(remote.candidateType),
              relayProtocol: typeof local.relayProtocol === 'string' ? local.relayProtocol : null,
              url: typeof local.url === 'string' ? local.url : null,
              rttMs: typeof pair.currentRoundTripTime === 'number' ? pair.currentRoundTripTime * 1000 : null,
            });
        }
      }
    }
    const { clickAt, firstAudio, firstVideo } = w.__lab;
    if (clickAt !== null) {
      out.audioAfterMs = firstAudio === null ? null : firstAudio - clickAt;
      out.videoAfterMs = firstVideo === null ? null : firstVideo - clickAt;
    }
    return out;
  });
}

/** Clicks the button and notes the moment in the page's own clock (the start of the join measurement). */
export async function clickTimed(button: Locator): Promise<void> {
  await button.waitFor();
  await button.evaluate((el) => {
    (window as unknown as { __lab: { clickAt: number } }).__lab.clickAt = performance.now();
    (el as HTMLButtonElement).click();
  });
}

/**
 * Share of received audio that was concealed between two snapshots (0..1; 0 when nothing was received), or
 * null when the counters restarted in between (a reconnect replaced the peer connection).
 */
export function concealment(from: Snapshot, to: Snapshot): number | null {
  const samples = to.audio.samples - from.audio.samples;
  const concealed = to.audio.concealed - from.audio.concealed;
  if (samples < 0 || concealed < 0) return null;
  return samples > 0 ? concealed / samples : 0;
}
