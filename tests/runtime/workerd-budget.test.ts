// A frozen database (every PostgreSQL process stopped) must not hang requests: workerd answers 503 with Retry-After and recovers.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool } from '../../functions/db/connect.ts';
import { migrateToLatest } from '../../functions/db/migrator.ts';
import { type EmbeddedDb, freePort, startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.ts';
import { startWorkerd, type WorkerdProcess } from '../../scripts/lib/workerd.ts';
import { seedScheduling } from '../helpers/scheduling.ts';

let dir: string;
let server: EmbeddedDb;
let worker: WorkerdProcess;
let serviceId: string;

/** The postmaster (first line of postmaster.pid) and every process it started. */
function postgresPids(): number[] {
  const main = Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        // Field 4 of /proc/PID/stat is the parent; the name in field 2 may hold spaces, so split after ')'.
        const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === main;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [main, ...children];
}

function signalPostgres(signal: 'SIGSTOP' | 'SIGCONT'): void {
  for (const pid of postgresPids()) process.kill(pid, signal);
}

function weekdayAhead(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'br-frozen-'));
  server = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), quiet: true });
  const db = createDb(createPool({ connectionString: server.url, max: 2 }));
  await migrateToLatest(db);
  serviceId = (await seedScheduling(db, { counsellors: 2, minNoticeMinutes: 0 })).serviceId;
  await db.destroy();
  worker = await startWorkerd({
    port: await freePort(),
    env: { DATABASE_URL: server.url, LOG_LEVEL: 'error', RATE_LIMITS: 'off' },
  });
});

afterAll(async () => {
  await worker?.stop();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('frozen database', () => {
  it('answers 503 with Retry-After while PostgreSQL is stopped, then serves again without a restart', async () => {
    // Warm: the objects hold open connections, which the freeze leaves hanging mid-conversation.
    for (let i = 0; i < 8; i++) expect((await fetch(`${worker.url}/readyz`)).status).toBe(200);
    const day = weekdayAhead(5);
    const requests: [string, RequestInit?][] = [
      ['/readyz'],
      [`/api/slots?service=${serviceId}&from=${day}&to=${day}`],
      [
        '/api/bookings',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            service: serviceId,
            start: `${day}T09:00:00+01:00`,
            phone: '+4915112345678',
            consent: true,
          }),
        },
      ],
    ];
    signalPostgres('SIGSTOP');
    // Without a budget these would wait for the thaw; the thaw comes only after they answered (or after 20 s).
    const thaw = setTimeout(() => signalPostgres('SIGCONT'), 20_000);
    let answers: Response[];
    try {
      answers = await Promise.all(
        [...requests, ...requests].map(([path, init]) => fetch(`${worker.url}${path}`, init)),
      );
    } finally {
      clearTimeout(thaw);
      signalPostgres('SIGCONT');
    }
    for (const res of answers) {
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await res.json()).code).toBe('database_unavailable');
    }
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await fetch(`${worker.url}/readyz`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
