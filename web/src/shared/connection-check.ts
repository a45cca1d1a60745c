// A quick connection check against the own origin: round trip, a small download and a small upload, judged for
// video by the weaker direction (camera and microphone go upstream, where rural and mobile lines are slowest).
import { signal } from '@preact/signals';

export type Verdict = 'good' | 'fair' | 'poor' | 'offline';

export interface Measurement {
  rttMs: number;
  downKbps: number;
  upKbps: number;
}

/** Bytes of the probe file written by the web build (incompressible, so the measurement is honest). */
export const PROBE_BYTES = 65_536;
export const PROBE_PATH = '/static/probe.bin';
/** Bytes sent by the upload probe (random, so no compression on the way helps it). */
export const UPLOAD_BYTES = 32_768;
export const UPLOAD_PATH = '/api/probe';

/**
 * Judges a measurement by its weaker direction: standard video needs about 500 kbit/s down and 400 up (the
 * camera at 360p), data-saver video about 200 down and 150 up; a very slow round trip makes conversation hard
 * whatever the bandwidth.
 *
 * @example
 * judgeConnection({ rttMs: 150, downKbps: 1600, upKbps: 900 }) // → 'good'
 * judgeConnection({ rttMs: 150, downKbps: 8000, upKbps: 128 }) // → 'poor'
 */
export function judgeConnection(m: Measurement | null): Verdict {
  if (!m) return 'offline';
  if (m.downKbps < 200 || m.upKbps < 150 || m.rttMs > 1500) return 'poor';
  if (m.downKbps < 500 || m.upKbps < 400 || m.rttMs > 600) return 'fair';
  return 'good';
}

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(url, { cache: 'no-store', ...init });
  const bytes = (await res.arrayBuffer()).byteLength;
  if (!res.ok) throw new Error(String(res.status));
  return { ms: performance.now() - started, bytes };
}

/** kbit/s of a transfer that took `ms` including one round trip of request latency. */
const kbps = (bytes: number, ms: number, rtt: number) => Math.round((bytes * 8) / Math.max(ms - rtt, 1));

/**
 * Measures the round trip (best of three small requests), then download and upload speed; null offline.
 * `afterDownload` runs when the download is timed: the downlink is free while the upload is measured.
 */
export async function measureConnection(afterDownload?: () => void): Promise<Measurement | null> {
  try {
    let rtt = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) rtt = Math.min(rtt, (await timed('/healthz')).ms);
    const down = await timed(`${PROBE_PATH}?t=${Date.now()}`);
    afterDownload?.();
    const payload = new Uint8Array(UPLOAD_BYTES);
    crypto.getRandomValues(payload);
    const up = await timed(UPLOAD_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: payload,
    });
    return {
      rttMs: Math.round(rtt),
      downKbps: kbps(down.bytes, down.ms, rtt),
      upKbps: kbps(UPLOAD_BYTES, up.ms, rtt),
    };
  } catch {
    return null;
  }
}

/** Page-wide state of the check: undefined before, null offline. */
export const measurement = signal<Measurement | null | undefined>(undefined);
export const checking = signal(false);

export async function runConnectionCheck(afterDownload?: () => void): Promise<Verdict> {
  checking.value = true;
  measurement.value = await measureConnection(afterDownload);
  checking.value = false;
  return judgeConnection(measurement.value);
}
