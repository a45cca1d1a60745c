// Benchmark: throughput and memory of 1 and 2 workerd processes on one port (closed loop, 50 connections).
import { readFileSync } from 'node:fs';
import { addDays } from '../functions/platform/time-zone.ts';
import { seedSchedulingBench } from './lib/scheduling-seed.ts';
import type { BenchContext } from './run.ts';

const CONNECTIONS = 50;

/** Resident memory of a process in MB (VmRSS). */
export function residentMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 'NaN');
    return Math.round(kb / 1024);
  } catch {
    return Number.NaN;
  }
}

export async function benchScaling(ctx: BenchContext): Promise<Record<string, unknown>> {
  const durationMs = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
  const data = await seedSchedulingBench(ctx.databaseUrl);
  const slots = `/api/slots?service=${data.serviceId}&from=${data.from}&to=${addDays(data.from, 27)}`;
  const out: Record<string, unknown> = {};
  for (const processes of [1, 2]) {
    const w = await ctx.startWorkerd(processes);
    try {
      await ctx.load({ url: `${w.url}${slots}`, connections: 10, durationMs: 2000 });
      const healthz = await ctx.load({ url: `${w.url}/healthz`, connections: CONNECTIONS, durationMs });
      const services = await ctx.load({ url: `${w.url}/api/services`, connections: CONNECTIONS, durationMs });
      const slotsRun = await ctx.load({ url: `${w.url}${slots}`, connections: CONNECTIONS, durationMs });
      const row = {
        healthzReqPerSec: Math.round(healthz.reqPerSec),
        healthzP99Ms: healthz.p99Ms,
        servicesReqPerSec: Math.round(services.reqPerSec),
        servicesP99Ms: services.p99Ms,
        slotsReqPerSec: Math.round(slotsRun.reqPerSec),
        slotsP99Ms: slotsRun.p99Ms,
        residentMbPerProcess: w.pids.map(residentMb),
      };
      console.log(`${processes} process(es): ${JSON.stringify(row)}`);
      out[`processes${processes}`] = row;
    } finally {
      await w.stop();
    }
  }
  return out;
}
