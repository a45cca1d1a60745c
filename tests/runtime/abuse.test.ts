// Abuse suite against the real bundled app in two workerd processes sharing one PostgreSQL: limits hold across processes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { startWorkerd, type WorkerdProcess } from '../../scripts/lib/workerd.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { seedScheduling } from '../helpers/scheduling.ts';

const LINK_KEY = `t1:${Buffer.alloc(32, 7).toString('base64')}`;
const PER_CLIENT = 5;
const ACTIVE_PER_PHONE = 2;

let tdb: TestDatabase;
let a: WorkerdProcess;
let b: WorkerdProcess;
let slots: string[] = [];
let nextSlot = 0;
let nextPhone = 0;

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedScheduling(tdb.db, {
    counsellors: 4,
    capacity: 20,
    minNoticeMinutes: 0,
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    hours: ['06:00', '22:00'],
  });
  const env = {
    DATABASE_URL: tdb.url,
    LOG_LEVEL: 'error',
    DB_POOL_MAX: '4',
    LINK_ENCRYPTION_KEYS: LINK_KEY,
    BOOKINGS_PER_CLIENT_PER_HOUR: String(PER_CLIENT),
    BOOKING_ACTIVE_PER_PHONE: String(ACTIVE_PER_PHONE),
    BOOKING_PHONE_VERIFICATION: 'off',
  };
  [a, b] = await Promise.all([
    startWorkerd({ port: await freePort(), env }),
    startWorkerd({ port: await freePort(), env }),
  ]);
  const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const res = await fetch(`${a.url}/api/slots?service=arbeitslosengeld&from=${from}&to=${to}`);
  const body = (await res.json()) as { days: { slots: { start: string }[] }[] };
  slots = body.days.flatMap((d) => d.slots.map((s) => s.start));
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await tdb?.close();
});

/** Waits out the end of a fixed limit window, so a test's requests all fall into one window. */
async function clearOfWindowEdge(windowMs: number, needMs: number): Promise<void> {
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await new Promise((r) => setTimeout(r, left + 50));
}

function freshSlot(): string {
  const s = slots[nextSlot++];
  if (!s) throw new Error('ran out of free slots');
  return s;
}

function freshPhone(): string {
  return `+49151${String(20_000_000 + nextPhone++)}`;
}

function book(
  worker: WorkerdProcess,
  client: string,
  body: Partial<{ phone: string; start: string }> = {},
): Promise<Response> {
  return fetch(`${worker.url}/api/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({
      service: 'arbeitslosengeld',
      start: body.start ?? freshSlot(),
      phone: body.phone ?? freshPhone(),
      consent: true,
    }),
  });
}

function join(worker: WorkerdProcess, client: string, code: string): Promise<Response> {
  return fetch(`${worker.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({ code }),
  });
}

const unknownCode = (i: number) => `unknown${i}${'x'.repeat(20)}`;

describe('booking limits (two workerd processes, one database)', () => {
  it('lets one client book 50 different slots only up to its limit; the rest are 429 with Retry-After', async () => {
    await clearOfWindowEdge(3_600_000, 120_000);
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      // Alternating processes: the limit is counted in PostgreSQL, not per process.
      const res = await book(i % 2 === 0 ? a : b, '198.51.100.7');
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        const problem = (await res.json()) as { code: string; limit: string; detail: string };
        expect(problem).toMatchObject({ code: 'rate_limited', limit: 'booking-client' });
        expect(problem.detail).toMatch(/Too many bookings/);
      } else await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(PER_CLIENT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(50 - PER_CLIENT);
    // Another client is not affected.
    expect((await book(b, '198.51.100.8')).status).toBe(201);
  }, 300_000);

  it('gives one number at most the configured active bookings, whichever ten clients ask at once', async () => {
    const phone = freshPhone();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => book(i % 2 ? a : b, `192.0.2.${10 + i}`, { phone })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(ACTIVE_PER_PHONE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10 - ACTIVE_PER_PHONE);
    const limited = answers.find((r) => r.status === 429) as Response;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: 'rate_limited', limit: 'phone-active' });
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from bookings where phone_e164 = ${phone} and status = 'confirmed'`.execute(
      tdb.db,
    );
    expect(rows[0]?.n).toBe(ACTIVE_PER_PHONE);
  });

  it('refuses a UK mobile number with 422 by default and books nothing', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from bookings`.execute(tdb.db);
    const res = await book(a, '192.0.2.99', { phone: '+44 7700 900123' });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'phone' }] });
    const after = await sql<{ n: number }>`select count(*)::int as n from bookings`.execute(tdb.db);
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});

describe('client addresses and join codes', () => {
  it('ignores X-Forwarded-For entries left of the rightmost untrusted hop (spoofing changes nothing)', async () => {
    await clearOfWindowEdge(60_000, 15_000);
    const real = '198.51.100.50';
    for (let i = 0; i < 6; i++)
      expect((await join(a, `203.0.113.${i}, ${real}`, unknownCode(i))).status).toBe(404);
    for (const spoof of ['203.0.113.8', '203.0.113.7x', '::1', '127.0.0.1', 'garbage'])
      expect((await join(a, `${spoof}, ${real}`, unknownCode(99))).status).toBe(429);
    // The hop the trusted proxy saw decides: a different one is a different client.
    expect((await join(a, `203.0.113.1, 198.51.100.51`, unknownCode(100))).status).toBe(404);
  }, 120_000);

  it('never lets a limited client block a valid code: not from another client, not from the same address', async () => {
    await clearOfWindowEdge(60_000, 15_000);
    const created = await book(a, '192.0.2.150');
    expect(created.status).toBe(201);
    const code = ((await created.json()) as { joinUrl: string }).joinUrl.split('/j/')[1] as string;
    const abuser = '198.51.100.60';
    for (let i = 0; i < 7; i++) await (await join(b, abuser, unknownCode(i))).arrayBuffer();
    expect((await join(b, abuser, unknownCode(50))).status).toBe(429);
    // The appointment is days ahead: 425 join_not_open proves the code was looked up and known.
    for (const client of ['198.51.100.61', abuser]) {
      const res = await join(a, client, code);
      expect(res.status).toBe(425);
      expect(((await res.json()) as { code: string }).code).toBe('join_not_open');
    }
  }, 120_000);

  it('shares one guessing limit between the two workerd processes', async () => {
    await clearOfWindowEdge(60_000, 15_000);
    const client = '198.51.100.70';
    for (let i = 0; i < 3; i++) expect((await join(a, client, unknownCode(i))).status).toBe(404);
    for (let i = 3; i < 6; i++) expect((await join(b, client, unknownCode(i))).status).toBe(404);
    expect((await join(a, client, unknownCode(6))).status).toBe(429);
    expect((await join(b, client, unknownCode(7))).status).toBe(429);
  }, 120_000);

  it('counts survey answers before looking the code up: over the limit a real code gets 429, not 410 or 425', async () => {
    await clearOfWindowEdge(600_000, 30_000);
    const created = await book(b, '192.0.2.160');
    const code = ((await created.json()) as { joinUrl: string }).joinUrl.split('/j/')[1] as string;
    const survey = (worker: WorkerdProcess, client: string, c: string) =>
      fetch(`${worker.url}/api/survey`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
        body: JSON.stringify({ code: c, recommend: true, easeOfUse: 5 }),
      });
    const client = '198.51.100.80';
    for (let i = 0; i < 10; i++)
      expect((await survey(i % 2 ? a : b, client, unknownCode(i))).status).toBe(404);
    const limited = await survey(a, client, code);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client with the same code reaches the lookup (the session has not started: 425).
    expect((await survey(a, '198.51.100.81', code)).status).toBe(425);
  }, 120_000);
});

describe('static files and secrets at rest', () => {
  it.each([
    '/static/%E0%A4%A',
    '/static/%2e%2e%2fpages%2fadmin.html',
    '/static/..%2fpages%2fadmin.html',
    '/static/%2e%2e/pages/admin.html',
    '/static/.hidden',
    '/static/a%5c..%5cpages%5cadmin.html',
    '/static/a%00b',
  ])('answers %s with 404 problem+json', async (path) => {
    const res = await fetch(`${a.url}${path}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('keeps no join or manage link in clear in the database after a booking (every row of every table)', async () => {
    const created = await book(a, '192.0.2.170');
    expect(created.status).toBe(201);
    const body = (await created.json()) as { joinUrl: string; manageUrl: string };
    const code = body.joinUrl.split('/j/')[1] as string;
    const token = body.manageUrl.split('/m/')[1] as string;
    const { rows: tables } = await sql<{ name: string }>`
      select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
      where schemaname not in ('pg_catalog', 'information_schema')`.execute(tdb.db);
    let dump = '';
    for (const t of tables) {
      const { rows } = await sql<{
        j: string;
      }>`select row_to_json(x)::text as j from ${sql.raw(t.name)} x`.execute(tdb.db);
      dump += rows.map((r) => r.j).join('\n');
    }
    expect(dump).toContain('{{seal:t1.');
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(token);
    // The outbox still sends the real links: the tick opens the seals.
    const sms = await sql<{
      body: string;
    }>`select body from outbox_messages where body like '%seal:t1.%' limit 1`.execute(tdb.db);
    expect(sms.rows[0]?.body).toMatch(/\/j\/\{\{seal:t1\.[\w-]+\}\}/);
  });

  it('sends Cache-Control: no-store on staff, admin and auth answers', async () => {
    for (const path of ['/api/admin/rebooking-needed', '/api/staff/agenda', '/api/auth/me']) {
      const res = await fetch(`${b.url}${path}`);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});
