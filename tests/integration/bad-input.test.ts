// Every route of the app, fed junk bodies, parameters and queries as anonymous, counsellor and operator:
// never a 500, every error a problem+json with a code, and nothing in the database changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSecret } from '../../functions/platform/secrets.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import {
  createStaff,
  insertBooking,
  login,
  type Session,
  seedCapacity,
  seedService,
} from '../helpers/staff-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;
let sessions: Record<'anonymous' | 'counsellor' | 'operator', Session | null>;
const clock = new TestClock(new Date('2026-12-03T08:50:00Z'));

const PARAMS = [
  'x',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid-%00',
  'a'.repeat(300),
  generateSecret(),
];
const BODIES: (string | undefined)[] = [
  undefined,
  '',
  '{',
  'null',
  '[]',
  '"text"',
  '12345678901234567890',
  '{"start":"tomorrow","end":5,"service":[],"phone":{},"consent":"yes"}',
  '{"maxConcurrentSessions":-5,"adhocReserve":1e309,"minutes":"ten","code":123}',
  '{"id":"00000000-0000-0000-0000-000000000000","email":"\\u0000@x","password":null,"hours":[{"weekday":9}]}',
  JSON.stringify({
    start: '2026-02-30T25:61:00+01:00',
    end: '2026-13-01T00:00:00Z',
    recommend: 'maybe',
    easeOfUse: 99,
  }),
  JSON.stringify({
    body: 'x'.repeat(20_000),
    comment: '\u0000\u0001',
    name: '<script>',
    customerNumber: 'x'.repeat(100),
  }),
];
const QUERIES = [
  '',
  '?from=2026-99-99&to=x',
  '?service=../../etc&from=2026-12-01&to=2027-12-01',
  '?days=-1&status=%00',
  '?from=2026-12-01&to=2026-11-01&counsellorId=x',
];

function routes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  const out: { method: string; path: string }[] = [];
  for (const r of t.app.routes) {
    if (r.method === 'ALL') continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, path: r.path });
  }
  return out;
}

/** One fingerprint of every table a request could change, in one round trip. */
async function snapshot(): Promise<string> {
  const tables = [
    'bookings',
    'services',
    'staff_users',
    'counsellors',
    'counsellor_skills',
    'absences',
    'working_hours',
    'capacity_settings',
    'capacity_buckets',
    'maintenance_windows',
    'survey_responses',
    'outbox_messages',
    'booking_notes',
    'settings',
    'sites',
  ];
  const columns = tables.map(
    (t) => `(select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from ${t} x) as ${t}`,
  );
  const { rows } = await tdb.pool.query(`select ${columns.join(', ')}`);
  return JSON.stringify(rows[0]);
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, {
    clock,
    env: { RATE_LIMITS: 'off', INTERNAL_TOKEN: 'internal-token-for-tests-0123456789' },
  });
  await seedService(tdb.db);
  await seedCapacity(tdb.db);
  const anna = await createStaff(tdb.db, { email: 'anna@example.org', skills: ['arbeitslosengeld'] });
  await createStaff(tdb.db, { email: 'olga@example.org', role: 'operator' });
  await insertBooking(tdb.db, { counsellorId: anna.counsellorId!, start: '2026-12-03T09:00:00Z' });
  sessions = {
    anonymous: null,
    counsellor: await login(t, 'anna@example.org'),
    operator: await login(t, 'olga@example.org'),
  };
});

afterAll(() => tdb?.close());

describe('junk input on every route', () => {
  it('never answers 500, always problem+json with a code, and a refused write changes nothing', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const route of routes()) {
      if (route.path === '/api/auth/login' || route.path === '/api/auth/logout') continue;
      const writes = route.method !== 'GET';
      for (const [who, session] of Object.entries(sessions)) {
        for (const [i, param] of PARAMS.entries()) {
          const path = route.path
            .replace(/:[A-Za-z]+(\{[^}]*\})?/g, encodeURIComponent(param))
            .replace('*', param);
          const query = QUERIES[i % QUERIES.length]!;
          const bodies = route.method === 'GET' || route.method === 'DELETE' ? [undefined] : BODIES;
          for (const body of bodies) {
            const before = writes ? await snapshot() : '';
            const headers: Record<string, string> = session
              ? { ...session.headers(route.method !== 'GET') }
              : {};
            if (body !== undefined) headers['content-type'] = 'application/json';
            const res = await t.request(`${path}${query}`, {
              method: route.method,
              headers,
              ...(body !== undefined ? { body } : {}),
            });
            requests++;
            const where = `${who} ${route.method} ${path}${query} ${String(body).slice(0, 40)}`;
            if (res.status >= 500 && res.status !== 503) failures.push(`${res.status} ${where}`);
            if (res.status >= 400) {
              const type = res.headers.get('content-type') ?? '';
              if (!type.includes('application/problem+json'))
                failures.push(`not a problem (${type}) ${where}`);
              else if (!(await res.json()).code) failures.push(`problem without code ${where}`);
              if (writes && (await snapshot()) !== before)
                failures.push(`refused with ${res.status} but changed data: ${where}`);
            } else {
              await res.arrayBuffer();
            }
          }
        }
      }
    }
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
  }, 600_000);
});
