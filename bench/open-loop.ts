// Benchmark: GET /api/slots at fixed request rates (vegeta, open loop) on workerd and Deno side by side, same database, same run.
import { addDays } from '../functions/platform/time-zone.ts';
import { seedSchedulingBench } from './lib/scheduling-seed.ts';
import { type OpenLoopResult, openLoop, vegetaBinary } from './lib/vegeta.ts';
import type { BenchContext } from './run.ts';

export interface OpenLoopRow {
  rate: number;
  workerd: OpenLoopResult;
  deno: OpenLoopResult;
  /** workerd p99 / Deno p99 (target ≤ 2). */
  p99Ratio: number;
}

export async function benchOpenLoop(ctx: BenchContext): Promise<OpenLoopRow[]> {
  const durationMs = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
  const rates = (process.env.BENCH_RATES ?? '500,1000,2000').split(',').map(Number);
  const data = await seedSchedulingBench(ctx.databaseUrl);
  const path = `/api/slots?service=${data.serviceId}&from=${data.from}&to=${addDays(data.from, 27)}`;
  const bin = vegetaBinary();
  // Warm both: pools open, JIT done, the answer cached.
  await openLoop(bin, `${ctx.baseUrl}${path}`, 200, 2000);
  await openLoop(bin, `${ctx.denoUrl}${path}`, 200, 2000);
  const rows: OpenLoopRow[] = [];
  for (const rate of rates) {
    const workerd = await openLoop(bin, `${ctx.baseUrl}${path}`, rate, durationMs);
    const deno = await openLoop(bin, `${ctx.denoUrl}${path}`, rate, durationMs);
    rows.push({ rate, workerd, deno, p99Ratio: round(workerd.p99Ms / deno.p99Ms) });
    console.log(
      `${String(rate).padStart(5)} req/s  workerd p50 ${f(workerd.p50Ms)} p99 ${f(workerd.p99Ms)} p99.9 ${f(workerd.p999Ms)} ok ${f(workerd.success * 100)}%  |  Deno p50 ${f(deno.p50Ms)} p99 ${f(deno.p99Ms)} p99.9 ${f(deno.p999Ms)} ok ${f(deno.success * 100)}%  |  p99 ratio ${f(workerd.p99Ms / deno.p99Ms)}`,
    );
  }
  return rows;
}

function f(n: number): string {
  return Number.isFinite(n) ? n.toFixed(2) : 'n/a';
}

function round(n: number, digits = 2): number {
  const k = 10 ** digits;
  return Math.round(n * k) / k;
}
