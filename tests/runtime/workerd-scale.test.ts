// Several workerd processes on one port and their caches: a change through one process or straight in SQL reaches the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlotCalendar as SlotsBody } from '../../contract/slots.ts';
import { FRESH_MS } from '../../functions/platform/body-cache.ts';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { startWorkerd, type WorkerdProcess } from '../../scripts/lib/workerd.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type SchedulingSeed, seedScheduling } from '../helpers/scheduling.ts';

let tdb: TestDatabase;
let seed: SchedulingSeed;
let a: WorkerdProcess;
let b: WorkerdProcess;
const env = () => ({ DATABASE_URL: tdb.url, LOG_LEVEL: 'warn', RATE_LIMITS: 'off' });

/** A weekday at least three days ahead of the real clock (workerd runs on it). */
function futureWeekday(): string {
  const d = new Date(Date.now() + 3 * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const day = futureWeekday();
/** The next weekday after `day`, for the test that changes data without telling anyone. */
const quietDay = (() => {
  const d = new Date(`${day}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
})();

async function slotStarts(worker: WorkerdProcess, date = day): Promise<string[]> {
  const res = await fetch(`${worker.url}/api/slots?service=${seed.serviceId}&from=${date}&to=${date}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as SlotsBody;
  return body.days.flatMap((d) => d.slots.map((s) => s.start));
}

/** Polls until `check` holds; changes from another process arrive by NOTIFY, a few milliseconds after commit. */
async function eventually(check: () => Promise<boolean>, tries = 100): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

async function listeners(): Promise<number> {
  const { rows } = await tdb.pool.query<{ n: number }>(
    "select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'beratungsraum-listener'",
  );
  return rows[0]?.n ?? 0;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  seed = await seedScheduling(tdb.db, {
    counsellors: 1,
    capacity: 8,
    slotStepMinutes: 60,
    minNoticeMinutes: 0,
  });
  a = await startWorkerd({ port: await freePort(), env: env(), processes: 2 });
  b = await startWorkerd({ port: await freePort(), env: env() });
  await slotStarts(b);
});

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await tdb?.close();
});

describe('workerd processes and objects', () => {
  it('runs two processes on one port, each listening for changes on its own connection', async () => {
    expect(a.children).toHaveLength(2);
    // A process connects when it serves a database request; the kernel picks which process accepts.
    const connected = await eventually(async () => {
      await Promise.all(Array.from({ length: 4 }, () => slotStarts(a)));
      return (await listeners()) === 3;
    });
    expect(connected).toBe(true);
  });

  it('drops a cached slot in another process once it is booked', async () => {
    const before = await slotStarts(b);
    const start = before[0] ?? '';
    expect(start).not.toBe('');
    // Read twice so that the answer is cached in b.
    expect(await slotStarts(b)).toContain(start);
    const res = await fetch(`${a.url}/api/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: seed.serviceId, start, phone: '+4915112345678', consent: true }),
    });
    expect(res.status).toBe(201);
    expect(await eventually(async () => !(await slotStarts(a)).includes(start))).toBe(true);
    expect(await eventually(async () => !(await slotStarts(b)).includes(start))).toBe(true);
  });

  it('drops cached slots when the database changes behind the application', async () => {
    expect((await slotStarts(b)).length).toBeGreaterThan(0);
    expect((await slotStarts(a)).length).toBeGreaterThan(0);
    await tdb.pool.query(
      `insert into absences (counsellor_id, period, reason)
       values ($1, tstzrange($2::date - 1, $2::date + 2), 'test')`,
      [seed.counsellorIds[0], day],
    );
    expect(await eventually(async () => (await slotStarts(b)).length === 0)).toBe(true);
    expect(await eventually(async () => (await slotStarts(a)).length === 0)).toBe(true);
  });

  it('serves an answer past its fresh period while it is recomputed, then the recomputed one', async () => {
    const cachedAt = Date.now();
    expect((await slotStarts(b, quietDay)).length).toBeGreaterThan(0);
    // An absence nobody is told about (the trigger is off), so only a recomputation can show it.
    const client = await tdb.pool.connect();
    try {
      await client.query('begin');
      await client.query('alter table absences disable trigger absences_calendar_change');
      await client.query(
        `insert into absences (counsellor_id, period, reason)
         values ($1, tstzrange($2::date - 1, $2::date + 2), 'unannounced')`,
        [seed.counsellorIds[0], quietDay],
      );
      await client.query('alter table absences enable trigger absences_calendar_change');
      await client.query('commit');
    } finally {
      client.release();
    }
    expect((await slotStarts(b, quietDay)).length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, Math.max(0, cachedAt + FRESH_MS + 200 - Date.now())));
    // Past the fresh period the first reader still gets the cached answer at once; one recomputation starts.
    expect((await slotStarts(b, quietDay)).length).toBeGreaterThan(0);
    expect(await eventually(async () => (await slotStarts(b, quietDay)).length === 0)).toBe(true);
  });

  it('answers pages and liveness without the database', async () => {
    const res = await fetch(`${a.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await fetch(`${a.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
