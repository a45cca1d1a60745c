// Open-loop load with vegeta (built from the Go module proxy into .bin/): requests leave at a fixed rate
// whether or not earlier ones have answered, so a stall shows in the latencies (no coordinated omission).
import { execFile, spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface OpenLoopResult {
  rate: number;
  requests: number;
  /** Answers per second actually received. */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
  /** Share of answers with a 2xx status. */
  success: number;
}

export function vegetaBinary(): string {
  const built = spawnSync('bash', ['scripts/build-vegeta.sh'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('could not build vegeta (Go is needed)');
  return resolve('.bin/vegeta');
}

/** `rate` requests per second of a GET for `durationMs`; percentiles over every request sent. */
export async function openLoop(
  bin: string,
  url: string,
  rate: number,
  durationMs: number,
): Promise<OpenLoopResult> {
  const dir = mkdtempSync(join(tmpdir(), 'br-vegeta-'));
  try {
    const results = join(dir, 'results.bin');
    writeFileSync(join(dir, 'targets.txt'), `GET ${url}\n`);
    await run(
      bin,
      [
        'attack',
        `-targets=${join(dir, 'targets.txt')}`,
        `-rate=${rate}/s`,
        `-duration=${Math.round(durationMs / 1000)}s`,
        '-timeout=10s',
        '-workers=50',
        `-output=${results}`,
      ],
      { maxBuffer: 1 << 20 },
    );
    await run(bin, ['encode', '--to', 'csv', `--output=${join(dir, 'results.csv')}`, results]);
    // CSV columns: timestamp (ns), code, latency (ns), bytes out, bytes in, error, body (base64), …
    // Read line by line: with the bodies, 2,000 req/s of /api/slots is more than one string may hold.
    const rows = createInterface({
      input: createReadStream(join(dir, 'results.csv'), 'utf8'),
      crlfDelay: Infinity,
    });
    const latencies: number[] = [];
    let ok = 0;
    let first = Number.POSITIVE_INFINITY;
    let last = 0;
    for await (const row of rows) {
      if (!row) continue;
      const [ts, code, latency] = row.split(',', 3);
      const started = Number(ts) / 1e6;
      const ms = Number(latency) / 1e6;
      latencies.push(ms);
      if (Number(code) >= 200 && Number(code) < 300) ok++;
      first = Math.min(first, started);
      last = Math.max(last, started + ms);
    }
    latencies.sort((x, y) => x - y);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? Number.NaN;
    return {
      rate,
      requests: latencies.length,
      throughput: ok / ((last - first) / 1000),
      p50Ms: pct(0.5),
      p99Ms: pct(0.99),
      p999Ms: pct(0.999),
      maxMs: latencies[latencies.length - 1] ?? Number.NaN,
      success: latencies.length ? ok / latencies.length : 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
