// Benchmark: successful bookings per second under parallel load on workerd, next to pgbench calling
// claim_booking directly (the ceiling of that statement) and pgbench tpcb-like, on the same PostgreSQL.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import { addDays, formatInZone, localDay } from '../functions/platform/time-zone.ts';
import { prepareCeiling, runCeiling } from './book-ceiling.ts';
import { loadNode } from './lib/load.ts';
import { seedSchedulingBench, TIME_ZONE } from './lib/scheduling-seed.ts';
import type { BenchContext } from './run.ts';

const run = promisify(execFile);
const CONNECTIONS = 16;

export async function benchBooking(ctx: BenchContext): Promise<Record<string, number>> {
  const durationMs = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
  const data = await seedSchedulingBench(ctx.databaseUrl);
  const starts = gridStarts(addDays(data.from, 1), data.to);
  const days = new Set(starts.map((s) => s.slice(0, 10))).size;
  // Consecutive requests go to different days, so parallel ones rarely want the same slot.
  const body = (i: number) =>
    JSON.stringify({
      service: data.serviceId,
      start: starts[(i % days) + days * (Math.floor(i / days) % (starts.length / days))],
      phone: `+49151${String(10_000_000 + (i % 89_999_999))}`,
      consent: true,
    });
  // Enough capacity that every free counsellor can be booked: this measures the booking, not a full system.
  await raiseCapacity(ctx.databaseUrl);
  await prepareCeiling(ctx.databaseUrl, data.serviceId, starts, 3000 * (durationMs / 1000));
  const request = {
    url: `${ctx.baseUrl}/api/bookings`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: CONNECTIONS,
  };
  await loadNode({ ...request, durationMs: 2000, makeRequest: (i) => ({ body: body(i + 7919) }) });
  const booking = await loadNode({ ...request, durationMs, makeRequest: (i) => ({ body: body(i) }) });
  const created = booking.statusCounts['201'] ?? 0;
  const ceiling = await runCeiling(pgbenchBinary(), ctx.databaseUrl, CONNECTIONS, durationMs);
  const pgbench = await runPgbench(ctx.databaseUrl, CONNECTIONS, durationMs);
  const bookingsPerSec = created / (durationMs / 1000);
  return {
    connections: CONNECTIONS,
    requestsPerSec: round(booking.reqPerSec),
    bookingsPerSec: round(bookingsPerSec),
    created,
    conflicts409: booking.statusCounts['409'] ?? 0,
    other: booking.requests - created - (booking.statusCounts['409'] ?? 0),
    p50Ms: round(booking.p50Ms),
    p99Ms: round(booking.p99Ms),
    bookFunctionCalls: ceiling.calls,
    bookFunctionBookingsPerSec: round(ceiling.bookingsPerSec),
    ratioToBookFunction: round(bookingsPerSec / ceiling.bookingsPerSec, 3),
    pgbenchTps: round(pgbench),
    ratioToPgbench: round(bookingsPerSec / pgbench, 3),
    bookFunctionToTpcb: round(ceiling.bookingsPerSec / pgbench, 3),
  };
}

async function raiseCapacity(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`update capacity_settings set max_concurrent_sessions = 100000;
    update capacity_buckets set capacity = 100000`);
  await client.end();
}

/** Every 15-minute start from 08:00 to 15:30 Berlin time on weekdays from `from` to `to`. */
function gridStarts(from: string, to: string): string[] {
  const out: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const day = localDay(date, TIME_ZONE);
    if (day.weekday > 5) continue;
    for (let m = 8 * 60; m <= 15 * 60 + 30; m += 15) {
      out.push(formatInZone(day.wall + m * 60_000 - day.offsetAfter, TIME_ZONE));
    }
  }
  return out;
}

function pgbenchBinary(): string {
  for (const dir of existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort().reverse()
    : []) {
    const candidate = `/usr/lib/postgresql/${dir}/bin/pgbench`;
    if (existsSync(candidate)) return candidate;
  }
  return 'pgbench';
}

/** pgbench's built-in tpcb-like script on its own database in the same server; returns transactions per second. */
async function runPgbench(databaseUrl: string, clients: number, durationMs: number): Promise<number> {
  const url = new URL(databaseUrl);
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query('drop database if exists pgbench_bench');
  await admin.query('create database pgbench_bench');
  await admin.end();
  const args = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username)];
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
  const bin = pgbenchBinary();
  await run(bin, ['-i', '-q', '-s', '10', ...args, 'pgbench_bench'], { env });
  const seconds = String(Math.max(1, Math.round(durationMs / 1000)));
  const { stdout } = await run(
    bin,
    ['-c', String(clients), '-j', '2', '-T', seconds, ...args, 'pgbench_bench'],
    {
      env,
      maxBuffer: 1 << 20,
    },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? 'NaN');
  return tps;
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
