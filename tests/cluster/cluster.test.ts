// The several-servers topology (PostgreSQL primary + synchronous standby, PgBouncer, workerd processes, nginx) under faults.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSecret } from '../../functions/platform/secrets.ts';
import { addDays } from '../../functions/platform/time-zone.ts';
import { CLUSTER_DATABASE, type Cluster, startCluster } from '../../scripts/lib/cluster.ts';
import { pg15Missing } from '../../scripts/lib/pg-pair.ts';
import {
  type BookingOutcome,
  bookOnce,
  offeredStarts,
  runBookingLoad,
  statusCounts,
} from '../helpers/booking-load.ts';
import { seedScheduling } from '../helpers/scheduling.ts';

const missing = pg15Missing();
if (missing && process.env.CI === 'true') throw new Error(`${missing} (.ci/run installs it)`);

/** The single-counsellor service whose slot is full after one booking; the load books the other. */
const SINGLE = 'cluster-single';
const LOAD = 'cluster-load';
const CLUSTER_ENV = {
  LOG_LEVEL: 'warn',
  // The limits stay on (they are what must agree across processes) but never refuse the load itself.
  RATE_LIMITS: 'on',
  BOOKINGS_PER_CLIENT_PER_HOUR: '100000',
  BOOKINGS_PER_SERVICE_PER_DAY: '1000000',
  BOOKING_ACTIVE_PER_PHONE: '100000',
  BOOKINGS_PER_PHONE_PER_DAY: '100000',
  BOOKING_PHONE_VERIFICATION: 'off',
};

let cluster: Cluster;
/** A weekday three days ahead of the real clock (workerd runs on it). */
const day = (() => {
  const d = new Date(Date.now() + 3 * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
})();
let loadStarts: string[] = [];

/** Rows of `sql` on the server PgBouncer points at now, on a direct connection. */
async function onPrimary<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.primary().url(CLUSTER_DATABASE) });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Every acknowledged booking is on the primary, with its confirmation SMS queued. */
async function expectAllAcknowledgedStored(outcomes: BookingOutcome[]): Promise<void> {
  const ids = outcomes.filter((o) => o.status === 201).map((o) => o.id ?? '');
  expect(ids.length).toBeGreaterThan(0);
  const rows = await onPrimary<{ id: string; sms: number }>(
    `select b.id, (select count(*)::int from outbox_messages m where m.booking_id = b.id and m.kind = 'confirmation') as sms
       from bookings b where b.id = any($1::uuid[])`,
    [ids],
  );
  expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
  expect(rows.every((r) => r.sms === 1)).toBe(true);
}

async function eventually(check: () => Promise<boolean>, tries = 150): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

beforeAll(async () => {
  if (missing) return;
  cluster = await startCluster({
    dir: mkdtempSync(join(tmpdir(), 'br-cluster-test-')),
    processes: 2,
    env: CLUSTER_ENV,
    seed: async (db) => {
      const common = { capacity: 500, slotStepMinutes: 30, minNoticeMinutes: 0 };
      await seedScheduling(db, { ...common, serviceId: SINGLE, counsellors: 1 });
      await seedScheduling(db, { ...common, serviceId: LOAD, counsellors: 6 });
    },
  });
  loadStarts = await offeredStarts(cluster.url, LOAD, day, addDays(day, 20));
}, 240_000);

afterAll(async () => {
  await cluster?.stop();
});

describe.skipIf(missing !== null)('cluster: nginx, workerd processes, PgBouncer, PostgreSQL standby', () => {
  it('a booking through process A is taken for process B at once, and B lists it as gone', async () => {
    const [a, b] = cluster.workers.map((w) => w.url) as [string, string];
    const starts = await offeredStarts(b, SINGLE, day, day);
    const start = starts[0] ?? '';
    expect(start).not.toBe('');
    // Read twice so that B answers from its cache.
    expect(await offeredStarts(b, SINGLE, day, day)).toContain(start);
    expect((await bookOnce(a, SINGLE, start)).status).toBe(201);
    // The claim runs in PostgreSQL: B refuses the same slot immediately, whatever its cache holds.
    expect((await bookOnce(b, SINGLE, start)).status).toBe(409);
    // B's cache hears of it through LISTEN on PgBouncer's session-pooled entry.
    expect(await eventually(async () => !(await offeredStarts(b, SINGLE, day, day)).includes(start))).toBe(
      true,
    );
  });

  it('answers a POST repeated with the same Idempotency-Key on another process with the first booking', async () => {
    const [a, b] = cluster.workers.map((w) => w.url) as [string, string];
    const start = (await offeredStarts(a, SINGLE, day, day))[0] ?? '';
    const post = (url: string) =>
      fetch(`${url}/api/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ service: SINGLE, start, phone: '+4915199990000', consent: true }),
      });
    const key = `cluster-${generateSecret()}`;
    const first = await post(a);
    const again = await post(b);
    expect([first.status, again.status]).toEqual([201, 201]);
    const [x, y] = (await Promise.all([first.json(), again.json()])) as { booking: { id: string } }[];
    expect(y?.booking.id).toBe(x?.booking.id);
  });

  it('counts a rate limit across processes (PostgreSQL, through transaction pooling)', async () => {
    // The limit counts per minute: start well inside a window so all requests fall into one.
    while (new Date().getSeconds() > 50) await new Promise((r) => setTimeout(r, 500));
    const urls = cluster.workers.map((w) => w.url);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await fetch(`${urls[i % urls.length]}/api/bookings/manage/${generateSecret()}`);
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    // MANAGE_MISSES allows 10 unknown tokens per client and minute, whichever process saw them.
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('routes around a workerd process killed under booking load and loses no acknowledged booking', async () => {
    const load = startLoad();
    const before = await waitForBookings((await loadBookings()) + 20);
    const victim = cluster.workers[0]!;
    victim.child.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((r) => setTimeout(r, 3000));
    const outcomes = await load.stop();
    // systemd would restart it: a new process on the same port, which nginx tries again after
    // fail_timeout. Replaced before the checks so that a failed check here leaves the next test a
    // whole cluster.
    const replacement = await cluster.replaceWorker(0);
    expect((await fetch(`${replacement.url}/healthz`)).ok).toBe(true);
    const after = outcomes.filter((o) => o.at > killedAt + 500);
    expect(before).toBeGreaterThan(0);
    // nginx retries what never reached a process and skips the dead one; only requests that were
    // inside it when it died can fail (502, or a connection cut after the status line), at most one
    // per load connection.
    expect(after.filter((o) => o.status === 201).length).toBeGreaterThan(0);
    expect(after.every((o) => o.status === 201 || o.status === 409)).toBe(true);
    const counts = statusCounts(outcomes);
    expect((counts[502] ?? 0) + (counts[0] ?? 0)).toBeLessThanOrEqual(6);
    expect(Object.keys(counts).every((s) => ['201', '409', '502', '0'].includes(s))).toBe(true);
    await expectAllAcknowledgedStored(outcomes);
  });

  it('switches PostgreSQL over to the standby under booking load: 503 or success, every 201 kept', async () => {
    const oldPrimary = cluster.primary();
    const load = startLoad();
    await waitForBookings((await loadBookings()) + 10);
    const log = await cluster.switchover();
    const switchedAt = Date.now();
    expect(log).toContain('done');
    expect(cluster.primary()).not.toBe(oldPrimary);
    expect(oldPrimary.running()).toBe(false);
    // Keep booking until the new primary took five more bookings (how long that takes is for the bench).
    await waitForBookings((await loadBookings()) + 5, 600);
    const outcomes = await load.stop();
    // During the switch requests wait in PgBouncer or answer 503 with Retry-After; nothing else.
    for (const o of outcomes) {
      expect([201, 409, 503]).toContain(o.status);
      if (o.status === 503) expect(Number(o.retryAfter)).toBeGreaterThan(0);
    }
    // …and the app recovered by itself: bookings succeed on the new primary.
    expect(outcomes.filter((o) => o.at > switchedAt && o.status === 201).length).toBeGreaterThan(0);
    const [recovery] = await onPrimary<{ in_recovery: boolean }>('select pg_is_in_recovery() as in_recovery');
    expect(recovery?.in_recovery).toBe(false);
    await expectAllAcknowledgedStored(outcomes);
    // Each process listens again (now on the new primary), so caches agree across processes again.
    expect(
      await eventually(async () => {
        await Promise.all(
          cluster.workers.map((w) => fetch(`${w.url}/api/services`).then((r) => r.arrayBuffer())),
        );
        const [row] = await onPrimary<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where application_name = 'beratungsraum-listener'",
        );
        return row?.n === cluster.workers.length;
      }),
    ).toBe(true);
  });
});

async function loadBookings(): Promise<number> {
  const [row] = await onPrimary<{ n: number }>(
    'select count(*)::int as n from bookings where service_id = $1',
    [LOAD],
  );
  return row?.n ?? 0;
}

/** Six loops booking the load service through nginx until stop(), which resolves with every answer. */
function startLoad(): { stop(): Promise<BookingOutcome[]> } {
  let running = true;
  const load = runBookingLoad({
    url: cluster.url,
    serviceId: LOAD,
    starts: loadStarts,
    concurrency: 6,
    running: () => running,
  });
  return {
    stop: () => {
      running = false;
      return load;
    },
  };
}

/** Waits (at most `tries` × 100 ms) until the load service has `atLeast` bookings; resolves with the count seen. */
async function waitForBookings(atLeast: number, tries = 300): Promise<number> {
  let count = 0;
  for (let i = 0; i < tries; i++) {
    count = await loadBookings();
    if (count >= atLeast) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return count;
}
