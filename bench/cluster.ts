// Benchmark: bookings/s and slots req/s with 1 and 2 workerd processes behind nginx + PgBouncer (PostgreSQL with a
// synchronous standby), and how long the app takes to recover from a killed process and from a switchover.
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../functions/platform/time-zone.ts';
import { CLUSTER_DATABASE, type Cluster, startCluster } from '../scripts/lib/cluster.ts';
import {
  type BookingOutcome,
  offeredStarts,
  runBookingLoad,
  statusCounts,
} from '../tests/helpers/booking-load.ts';
import { seedSchedulingBench } from './lib/scheduling-seed.ts';
import type { BenchContext } from './run.ts';

const ENV = {
  LOG_LEVEL: 'warn',
  RATE_LIMITS: 'off',
  BOOKING_PHONE_VERIFICATION: 'off',
};
const BOOKING_CONNECTIONS = 16;
const SLOT_CONNECTIONS = 50;

interface Setup {
  cluster: Cluster;
  serviceId: string;
  slotsPath: string;
  starts: string[];
}

async function setUp(processes: number): Promise<Setup> {
  const cluster = await startCluster({
    dir: mkdtempSync(join(tmpdir(), 'br-bench-cluster-')),
    processes,
    env: ENV,
  });
  const data = await seedSchedulingBench(cluster.pg.primary.url(CLUSTER_DATABASE), {
    counsellors: 50,
    bookings: 2000,
    capacity: 1000,
  });
  const to = addDays(data.from, 13);
  return {
    cluster,
    serviceId: data.serviceId,
    slotsPath: `/api/slots?service=${data.serviceId}&from=${data.from}&to=${to}`,
    starts: await offeredStarts(cluster.url, data.serviceId, data.from, to),
  };
}

async function bookFor(s: Setup, ms: number, connections = BOOKING_CONNECTIONS): Promise<BookingOutcome[]> {
  const until = Date.now() + ms;
  return runBookingLoad({
    url: s.cluster.url,
    serviceId: s.serviceId,
    starts: s.starts,
    concurrency: connections,
    running: () => Date.now() < until,
  });
}

/**
 * Recovery after a fault at `at`: the time until the last failed answer (anything but 201/409) among
 * requests that began after the fault, and the slowest answer in that span.
 */
function recovery(outcomes: BookingOutcome[], at: number): Record<string, number> {
  const after = outcomes.filter((o) => o.at - o.ms >= at - 2000);
  const failed = after.filter((o) => o.status !== 201 && o.status !== 409);
  const lastFailure = failed.reduce((m, o) => Math.max(m, o.at), at);
  const firstSuccessAfterFailures = after
    .filter((o) => o.status === 201 && o.at > lastFailure)
    .reduce((m, o) => Math.min(m, o.at), Number.POSITIVE_INFINITY);
  return {
    failedRequests: failed.length,
    recoveredAfterMs: Math.round(
      (Number.isFinite(firstSuccessAfterFailures) ? firstSuccessAfterFailures : lastFailure) - at,
    ),
    slowestAnswerMs: after.reduce((m, o) => Math.max(m, o.ms), 0),
  };
}

export async function benchCluster(ctx: BenchContext): Promise<Record<string, unknown>> {
  const durationMs = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
  const out: Record<string, unknown> = { cores: availableParallelism() };
  const rows: Record<number, { bookingsPerSec: number; slotsReqPerSec: number }> = {};
  for (const processes of [1, 2]) {
    const s = await setUp(processes);
    try {
      await ctx.load({ url: `${s.cluster.url}${s.slotsPath}`, connections: 10, durationMs: 2000 });
      const slots = await ctx.load({
        url: `${s.cluster.url}${s.slotsPath}`,
        connections: SLOT_CONNECTIONS,
        durationMs,
      });
      await bookFor(s, 1500);
      const t0 = Date.now();
      const booked = await bookFor(s, durationMs);
      const seconds = (Date.now() - t0) / 1000;
      const ok = booked.filter((o) => o.status === 201);
      const lat = ok.map((o) => o.ms).sort((a, b) => a - b);
      rows[processes] = {
        bookingsPerSec: Math.round((ok.length / seconds) * 10) / 10,
        slotsReqPerSec: Math.round(slots.reqPerSec),
      };
      out[`processes${processes}`] = {
        ...rows[processes],
        slotsP99Ms: slots.p99Ms,
        slotsStatus: slots.statusCounts,
        bookingP50Ms: lat[Math.floor(lat.length / 2)] ?? null,
        bookingP99Ms: lat[Math.floor(lat.length * 0.99)] ?? null,
        bookingStatus: statusCounts(booked),
      };
      console.log(`${processes} process(es): ${JSON.stringify(out[`processes${processes}`])}`);
      if (processes === 2) {
        // Fault 1: one workerd process killed under booking load (nginx routes around it).
        let killAt = 0;
        const killRun = bookFor(s, 6000);
        await new Promise((r) => setTimeout(r, 2000));
        killAt = Date.now();
        s.cluster.workers[0]?.child.kill('SIGKILL');
        out.killedProcess = { ...recovery(await killRun, killAt), statuses: statusCounts(await killRun) };
        await s.cluster.replaceWorker(0);
        // Fault 2: planned PostgreSQL switchover under booking load.
        const switchRun = bookFor(s, 8000);
        await new Promise((r) => setTimeout(r, 2000));
        const switchAt = Date.now();
        await s.cluster.switchover();
        const scriptMs = Date.now() - switchAt;
        const outcomes = await switchRun;
        out.switchover = { scriptMs, ...recovery(outcomes, switchAt), statuses: statusCounts(outcomes) };
      }
    } finally {
      await s.cluster.stop();
    }
  }
  const one = rows[1];
  const two = rows[2];
  if (one && two) {
    out.scaling = {
      bookings: Math.round((two.bookingsPerSec / one.bookingsPerSec) * 100) / 100,
      slots: Math.round((two.slotsReqPerSec / one.slotsReqPerSec) * 100) / 100,
    };
  }
  return out;
}
