// GET /metrics: hidden without the internal token, Prometheus text with request, booking, join, capacity, outbox and pool values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, createPool } from '../../functions/db/connect.ts';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { createTestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { sampleValue } from '../helpers/prometheus-text.ts';
import { seedBooking, seedStaff } from './outbox-fixtures.ts';

const TOKEN = 'metrics-test-token-0123456789';
const NOW = new Date('2026-12-03T09:02:00Z');
let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.close();
});

function app(env: Record<string, string> = {}) {
  return createTestApp(tdb, { clock: new TestClock(NOW), env: { INTERNAL_TOKEN: TOKEN, ...env } });
}

async function scrape(t: ReturnType<typeof app>): Promise<string> {
  const res = await t.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  return res.text();
}

describe('GET /metrics', () => {
  it.each([
    ['no token', undefined],
    ['a wrong token', 'Bearer not-the-token'],
    ['a basic credential', `Basic ${TOKEN}`],
  ])('answers 404 problem with %s', async (_, authorization) => {
    const res = await app().request('/metrics', authorization ? { headers: { authorization } } : {});
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('not_found');
  });

  it('answers 404 even with a bearer token when no INTERNAL_TOKEN is configured', async () => {
    const res = await app({ INTERNAL_TOKEN: '' }).request('/metrics', {
      headers: { authorization: 'Bearer ' },
    });
    expect(res.status).toBe(404);
  });

  it('counts requests by route group and status, with a latency histogram', async () => {
    const t = app();
    await t.request('/api/services');
    await t.request('/api/services');
    await t.request('/no/such/path');
    const text = await scrape(t);
    const labels = { group: 'api_services', method: 'GET', status: '200' };
    expect(sampleValue(text, 'beratungsraum_http_requests_total', labels)).toBe(2);
    expect(
      sampleValue(text, 'beratungsraum_http_requests_total', { group: 'unmatched', status: '404' }),
    ).toBe(1);
    const histogram = { group: 'api_services', method: 'GET', status_class: '2xx' };
    expect(sampleValue(text, 'beratungsraum_http_request_duration_seconds_count', histogram)).toBe(2);
    expect(
      sampleValue(text, 'beratungsraum_http_request_duration_seconds_bucket', { ...histogram, le: '+Inf' }),
    ).toBe(2);
    expect(text).toContain('# TYPE beratungsraum_http_request_duration_seconds histogram');
  });

  it('reads bookings, joins, capacity and the outbox from PostgreSQL, the same in every process', async () => {
    const staff = await seedStaff(tdb.db);
    const counsellorId = staff.counsellorId as string;
    const open = await seedBooking(tdb.db, { counsellorId, start: new Date('2026-12-03T09:00:00Z') });
    await seedBooking(tdb.db, { counsellorId, start: new Date('2026-12-04T09:00:00Z'), status: 'cancelled' });
    await tdb.db
      .updateTable('bookings')
      .set({ cancelled_by: 'citizen' })
      .where('status', '=', 'cancelled')
      .execute();
    await tdb.db
      .insertInto('capacity_settings')
      .values({ id: 1, max_concurrent_sessions: 10 })
      .onConflict((oc) => oc.column('id').doUpdateSet({ max_concurrent_sessions: 10 }))
      .execute();
    await tdb.db
      .insertInto('outbox_messages')
      .values([
        {
          kind: 'confirmation',
          dedupe_key: 'm-dead',
          recipient: '+4915112345678',
          body: 'x',
          status: 'dead',
        },
        {
          kind: 'confirmation',
          dedupe_key: 'm-due',
          recipient: '+4915112345678',
          body: 'x',
          next_attempt_at: '2026-12-03T08:00:00Z',
        },
        {
          kind: 'reminder',
          dedupe_key: 'm-later',
          recipient: '+4915112345678',
          body: 'x',
          next_attempt_at: '2026-12-04T08:00:00Z',
        },
      ])
      .execute();
    await tdb.db
      .insertInto('join_failures')
      .values([
        { browser: 'Firefox 140', reason: 'connect: NotAllowedError denied' },
        { browser: 'Firefox 140', reason: 'something odd' },
      ])
      .execute();

    const first = app();
    // Unknown code, then a real code while no video server is configured.
    expect(
      (await first.request('/api/join', { method: 'POST', json: { code: 'A'.repeat(26) } })).status,
    ).toBe(404);
    expect((await first.request('/api/join', { method: 'POST', json: { code: open.code } })).status).toBe(
      503,
    );

    // A second process (another app over the same database) reports the same domain values.
    const text = await scrape(app());
    expect(sampleValue(text, 'beratungsraum_bookings_created_total', { kind: 'scheduled' })).toBe(2);
    expect(sampleValue(text, 'beratungsraum_bookings_created_total', { kind: 'adhoc' })).toBe(0);
    expect(
      sampleValue(text, 'beratungsraum_bookings_cancelled_total', { kind: 'scheduled', by: 'citizen' }),
    ).toBe(1);
    const server = { source: 'server', audience: 'citizen' };
    expect(sampleValue(text, 'beratungsraum_join_failures_total', { ...server, reason: 'not_found' })).toBe(
      1,
    );
    expect(
      sampleValue(text, 'beratungsraum_join_failures_total', { ...server, reason: 'video_unavailable' }),
    ).toBe(1);
    expect(
      sampleValue(text, 'beratungsraum_join_failures_total', { source: 'client', reason: 'connect' }),
    ).toBe(1);
    expect(
      sampleValue(text, 'beratungsraum_join_failures_total', { source: 'client', reason: 'other' }),
    ).toBe(1);
    expect(sampleValue(text, 'beratungsraum_join_attempts_total', { outcome: 'not_found' })).toBe(1);
    expect(sampleValue(text, 'beratungsraum_capacity_sessions')).toBe(10);
    expect(sampleValue(text, 'beratungsraum_outbox_dead_letters')).toBe(1);
    expect(sampleValue(text, 'beratungsraum_outbox_due_messages')).toBe(1);
    expect(sampleValue(text, 'beratungsraum_outbox_scheduled_messages')).toBe(1);
    expect(sampleValue(text, 'beratungsraum_outbox_oldest_due_seconds')).toBe(62 * 60);
    expect(sampleValue(text, 'beratungsraum_dependency_up', { dependency: 'database' })).toBe(1);
    expect(sampleValue(text, 'beratungsraum_dependency_up', { dependency: 'video' })).toBe(0);
    expect(sampleValue(text, 'beratungsraum_db_connections')).toBeGreaterThan(0);
    expect(sampleValue(text, 'beratungsraum_db_pool_max')).toBe(10);
  });

  it('still answers during a database outage, reporting the database down', async () => {
    const port = await freePort();
    const pool = createPool({
      connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/none`,
      connectTimeoutMs: 300,
    });
    const down = createTestApp({ ...tdb, db: createDb(pool), pool }, { env: { INTERNAL_TOKEN: TOKEN } });
    const text = await scrape(down as ReturnType<typeof app>);
    expect(sampleValue(text, 'beratungsraum_dependency_up', { dependency: 'database' })).toBe(0);
    expect(sampleValue(text, 'beratungsraum_bookings_created_total', { kind: 'scheduled' })).toBeUndefined();
    await pool.end();
  });
});
