// A quick connection check against the own origin: round-trip time and a small download, judged for video.
import { signal } from '@preact/signals';

export type Verdict = 'good' | 'fair' | 'poor' | 'offline';

export interface Measurement {
  rttMs: number;
  downKbps: number;
}

/** Bytes of the probe file written by the web build (incompressible, so the measurement is honest). */
export const PROBE_BYTES = 65_536;
export const PROBE_PATH = '/static/probe.bin';

/**
 * Judges a measurement: video needs about 500 kbit/s down, data-saver video about 200 kbit/s; a very slow
 * round trip makes conversation hard whatever the bandwidth.
 *
 * @example
 * judgeConnection({ rttMs: 150, downKbps: 1600 }) // → 'good'
 */
export function judgeConnection(m: Measurement | null): Verdict {
  if (!m) return 'offline';
  if (m.downKbps < 200 || m.rttMs > 1500) return 'poor';
  if (m.downKbps < 500 || m.rttMs > 600) return 'fair';
  return 'good';
}

async function timed(url: string): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(url, { cache: 'no-store' });
  const bytes = (await res.arrayBuffer()).byteLength;
  if (!res.ok) throw new Error(String(res.status));
  return { ms: performance.now() - started, bytes };
}

/** Measures the round trip (best of three small requests) and the download speed of the probe; null offline. */
export async function measureConnection(): Promise<Measurement | null> {
  try {
    let rtt = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) rtt = Math.min(rtt, (await timed('/healthz')).ms);
    const probe = await timed(`${PROBE_PATH}?t=${Date.now()}`);
    // One round trip is request latency, not transfer time.
    const transferMs = Math.max(probe.ms - rtt, 1);
    return { rttMs: Math.round(rtt), downKbps: Math.round((probe.bytes * 8) / transferMs) };
  } catch {
    return null;
  }
}

/** Page-wide state of the check: undefined before, null offline. */
export const measurement = signal<Measurement | null | undefined>(undefined);
export const checking = signal(false);

export async function runConnectionCheck(): Promise<Verdict> {
  checking.value = true;
  measurement.value = await measureConnection();
  checking.value = false;
  return judgeConnection(measurement.value);
}
