// `npm run bench`: starts PostgreSQL, workerd and Deno on this machine and measures them in one run,
// reporting ratios against baselines measured in the same run (this machine is noisy).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoData } from '../functions/app/seed.ts';
import { createDb, createPool } from '../functions/db/connect.ts';
import { migrateToLatest } from '../functions/db/migrator.ts';
import { freePort, startEmbeddedPostgres } from '../scripts/lib/embedded-postgres.ts';
import { processCount, startWorkerd, waitForHttp } from '../scripts/lib/workerd.ts';
import { fmt, type LoadOptions, type LoadResult, load } from './lib/load.ts';

export interface BenchContext {
  baseUrl: string;
  denoUrl: string;
  databaseUrl: string;
  /** Runs `npm start`'s workerd with the given processes (for the scaling part), stopped afterwards. */
  startWorkerd: (processes: number) => Promise<{ url: string; pids: number[]; stop: () => Promise<void> }>;
  load: (opts: LoadOptions) => Promise<LoadResult>;
}

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const results: Record<string, unknown> = { date: new Date().toISOString(), durationSeconds: DURATION / 1000 };

function row(name: string, r: LoadResult): string {
  return `${name.padEnd(34)} ${fmt(r.reqPerSec, 0).padStart(8)} req/s   p50 ${fmt(r.p50Ms, 2).padStart(7)} ms   p99 ${fmt(r.p99Ms, 2).padStart(7)} ms   ${JSON.stringify(r.statusCounts)}`;
}

// BENCH_DATA_DIR keeps the database between runs (the 20,000-booking seed takes minutes on a busy machine).
const keptDataDir = process.env.BENCH_DATA_DIR;
const dataDir = keptDataDir || mkdtempSync(join(tmpdir(), 'br-bench-'));
const pg = await startEmbeddedPostgres({ dataDir, quiet: true });
const children: ChildProcess[] = [];
let stopWorker: (() => Promise<void>) | undefined;
try {
  const db = createDb(createPool({ connectionString: pg.url, max: 2 }));
  await migrateToLatest(db);
  await seedDemoData(db, { password: 'bench-password', iterations: 1000 });
  await db.destroy();
  const { buildWorker } = await import('../scripts/build-worker.mjs');
  const { buildWeb } = await import('../scripts/build-web.mjs');
  await buildWorker();
  await buildWeb();

  const env = {
    DATABASE_URL: pg.url,
    RATE_LIMITS: 'off',
    LOG_LEVEL: 'warn',
    DB_POOL_MAX: '10',
    SMS_LOG_ONLY: 'on',
    BOOKING_PHONE_VERIFICATION: 'off',
  };
  // As `npm start` runs it: one process per core unless BENCH_PROCESSES says otherwise.
  const processes = processCount(Number(process.env.BENCH_PROCESSES ?? 0));
  results.workerdProcesses = processes;
  const worker = await startWorkerd({ port: await freePort(), env, processes });
  stopWorker = worker.stop;
  const denoPort = await freePort();
  const deno = spawn('node_modules/.bin/deno', ['task', 'start'], {
    env: { ...process.env, ...env, PORT: String(denoPort), NO_COLOR: '1' },
    stdio: 'ignore',
  });
  children.push(deno);
  const denoUrl = `http://127.0.0.1:${denoPort}`;
  await waitForHttp(`${denoUrl}/readyz`, 90_000, (r) => r.ok);

  if (want('platform')) {
    console.log(
      '\n== platform: the same DB-backed endpoint on workerd and Deno, and workerd /healthz (50 connections)',
    );
    const c = 50;
    // Warm-up so both runtimes have their pools and JIT ready.
    await load({ url: `${worker.url}/api/services`, connections: 10, durationMs: 2000 });
    await load({ url: `${denoUrl}/api/services`, connections: 10, durationMs: 2000 });
    const healthz = await load({ url: `${worker.url}/healthz`, connections: c, durationMs: DURATION });
    const wServices = await load({ url: `${worker.url}/api/services`, connections: c, durationMs: DURATION });
    const dServices = await load({ url: `${denoUrl}/api/services`, connections: c, durationMs: DURATION });
    console.log(row('workerd GET /healthz', healthz));
    console.log(row('workerd GET /api/services', wServices));
    console.log(row('Deno GET /api/services', dServices));
    const ratios = {
      workerdServicesVsHealthz: wServices.reqPerSec / healthz.reqPerSec,
      denoVsWorkerdServices: dServices.reqPerSec / wServices.reqPerSec,
    };
    console.log(
      `ratios: workerd services/healthz ${fmt(ratios.workerdServicesVsHealthz, 2)}, Deno/workerd services ${fmt(ratios.denoVsWorkerdServices, 2)}`,
    );
    results.platform = { healthz, workerdServices: wServices, denoServices: dServices, ratios };
  }

  const ctx: BenchContext = {
    baseUrl: worker.url,
    denoUrl,
    databaseUrl: pg.url,
    load,
    startWorkerd: async (n) => {
      const w = await startWorkerd({ port: await freePort(), env, processes: n });
      return { url: w.url, pids: w.children.map((c) => c.pid ?? 0), stop: w.stop };
    },
  };
  for (const [name, file, fn] of [
    ['slots', './slots.ts', 'benchSlots'],
    ['openloop', './open-loop.ts', 'benchOpenLoop'],
    ['scaling', './scaling.ts', 'benchScaling'],
    ['booking', './booking.ts', 'benchBooking'],
    ['web', './web.ts', 'benchWeb'],
    ['network', './network.ts', 'benchNetwork'],
    ['livekit', './livekit.ts', 'benchLivekit'],
    ['cluster', './cluster.ts', 'benchCluster'],
  ] as const) {
    if (!want(name) || !existsSync(new URL(file, import.meta.url))) continue;
    console.log(`\n== ${name}`);
    const mod = (await import(file)) as Record<string, (c: BenchContext) => Promise<unknown>>;
    const bench = mod[fn];
    if (!bench) continue;
    // One failing part (e.g. 503s on an overloaded machine) must not lose the others' numbers.
    results[name] = await bench(ctx).catch((e: unknown) => ({ error: String((e as Error).message ?? e) }));
    console.log(JSON.stringify(results[name], null, 2));
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwritten to bench/results/latest.json');
} finally {
  for (const c of children) c.kill('SIGTERM');
  await stopWorker?.();
  await pg.stop();
  if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
}
