// Benchmark: GET /api/slots for 28 days over 200 counsellors and 20,000 bookings, on workerd at 50 connections.

import { addDays } from '../functions/platform/time-zone.ts';
import { seedSchedulingBench, TIME_ZONE } from './lib/scheduling-seed.ts';
import { profileSlots } from './lib/slots-profile.ts';
import type { BenchContext } from './run.ts';

const CONNECTIONS = 50;

export async function benchSlots(ctx: BenchContext): Promise<Record<string, unknown>> {
  const durationMs = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
  const t0 = performance.now();
  const data = await seedSchedulingBench(ctx.databaseUrl);
  const seedMs = performance.now() - t0;
  const url = (from: string) =>
    `${ctx.baseUrl}/api/slots?service=${data.serviceId}&from=${from}&to=${addDays(from, 27)}`;

  // Uncached: each of these ranges is asked for the first time, so the worker loads and computes it.
  const cold: number[] = [];
  let slotsInRange = 0;
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    const res = await fetch(url(addDays(data.from, i)));
    const body = (await res.json()) as { days?: { freeCount: number }[] };
    cold.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`GET /api/slots answered ${res.status}`);
    if (i === 0) slotsInRange = (body.days ?? []).reduce((n, d) => n + d.freeCount, 0);
  }
  cold.sort((a, b) => a - b);
  const uncachedSteps = await profileSlots(ctx.databaseUrl, data.serviceId, data.from, TIME_ZONE);

  await ctx.load({ url: url(data.from), connections: 10, durationMs: 2000 });
  const healthz = await ctx.load({ url: `${ctx.baseUrl}/healthz`, connections: CONNECTIONS, durationMs });
  const slots = await ctx.load({ url: url(data.from), connections: CONNECTIONS, durationMs });
  const result = {
    counsellors: data.counsellors,
    bookings: data.bookings,
    freeSlotsIn28Days: slotsInRange,
    seedMs: Math.round(seedMs),
    uncachedMedianMs: round(cold[Math.floor(cold.length / 2)] ?? Number.NaN),
    uncachedMaxMs: round(cold[cold.length - 1] ?? Number.NaN),
    healthzReqPerSec: round(healthz.reqPerSec),
    healthzP99Ms: round(healthz.p99Ms),
    slotsReqPerSec: round(slots.reqPerSec),
    slotsP50Ms: round(slots.p50Ms),
    slotsP99Ms: round(slots.p99Ms),
    slotsNon2xx: slots.statusCounts.other ?? 0,
    ratioToHealthz: round(slots.reqPerSec / healthz.reqPerSec, 3),
    p99RatioToHealthz: round(slots.p99Ms / healthz.p99Ms, 3),
    uncachedStepsInNode: uncachedSteps,
  };
  return result;
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
