// Load generators for benchmarks: wrk (C, from Debian) for fixed requests, a Node loop for varying requests.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LoadOptions {
  url: string;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  connections: number;
  durationMs: number;
}

export interface LoadResult {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  statusCounts: Record<string, number>;
}

function toMs(value: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim());
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

/** Drives a fixed request with wrk; falls back to the Node loop when wrk is missing. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const lua = [
    `wrk.method = ${JSON.stringify(options.method ?? 'GET')}`,
    options.body ? `wrk.body = ${JSON.stringify(options.body)}` : '',
    ...Object.entries(options.headers ?? {}).map(
      ([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`,
    ),
    // No `response` callback: wrk counts non-2xx answers itself, and with one it copies every body
    // into Lua (measured: 40 instead of 29 µs of client CPU per 44 KB slots answer, on the cores the
    // server shares).
  ].join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'br-wrk-'));
  const script = join(dir, 'req.lua');
  writeFileSync(script, lua);
  const seconds = Math.max(1, Math.round(options.durationMs / 1000));
  let out: string;
  try {
    ({ stdout: out } = await run(
      'wrk',
      [
        '-t1',
        `-c${options.connections}`,
        `-d${seconds}s`,
        '--latency',
        '--timeout',
        '10s',
        '-s',
        script,
        options.url,
      ],
      { maxBuffer: 1 << 20 },
    ));
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') {
      return loadNode({ ...options, makeRequest: () => ({ body: options.body }) });
    }
    throw e;
  }
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 'NaN');
  const p50 = toMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? '');
  const p99 = toMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? '');
  const total = Number(/(\d+) requests in/.exec(out)?.[1] ?? '0');
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? '0');
  return {
    reqPerSec: rps,
    p50Ms: p50,
    p99Ms: p99,
    requests: total,
    statusCounts: { ok: total - non2xx, other: non2xx },
  };
}

export interface NodeLoadOptions extends LoadOptions {
  /** Builds request i (e.g. a different slot per booking). */
  makeRequest: (i: number) => { url?: string; body?: string | undefined };
}

/** A Node client loop: `connections` workers, each sending one request after another. */
export async function loadNode(options: NodeLoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let i = 0;
  const deadline = performance.now() + options.durationMs;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < deadline) {
      const req = options.makeRequest(i++);
      const t0 = performance.now();
      try {
        const res = await fetch(req.url ?? options.url, {
          method: options.method ?? 'GET',
          headers: options.headers,
          ...(req.body !== undefined ? { body: req.body } : {}),
        });
        await res.arrayBuffer();
        statusCounts[res.status] = (statusCounts[res.status] ?? 0) + 1;
      } catch {
        statusCounts.error = (statusCounts.error ?? 0) + 1;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
  return {
    reqPerSec: latencies.length / elapsed,
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
    requests: latencies.length,
    statusCounts,
  };
}

export function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}
