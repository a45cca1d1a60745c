// Login backoff that cannot be turned against staff: per (client, account) and per client, decaying,
// counted in the shared PostgreSQL limiter; one hash computation for unknown accounts; every failure kind audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientKey } from '../../functions/platform/client-keys.ts';
import { DEFAULT_ITERATIONS, hashPassword } from '../../functions/staff/password.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createStaff, login as loginAs, PASSWORD } from '../helpers/staff-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;
const clock = new TestClock(new Date('2026-12-03T08:00:00Z'));

const from = (client: string) => ({ 'x-forwarded-for': client });
const attempt = (client: string, email: string, password: string) =>
  t.request('/api/auth/login', { method: 'POST', headers: from(client), json: { email, password } });

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock });
});
afterAll(async () => {
  await tdb?.close();
});

describe('login backoff', () => {
  it('lets the right password in from another client while one client hammers the account', async () => {
    const anna = await createStaff(tdb.db, { email: 'anna@example.org' });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await attempt('198.18.0.10', anna.email, `guess ${i}`)).status);
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses.slice(6).every((s) => s === 429)).toBe(true);
    // The attacker's client is refused even with the right password: it has failed on this account.
    expect((await attempt('198.18.0.10', anna.email, PASSWORD)).status).toBe(429);
    const elsewhere = await attempt('198.18.0.11', anna.email, PASSWORD);
    expect(elsewhere.status).toBe(200);
    const row = await tdb.db
      .selectFrom('staff_users')
      .select(['locked_until', 'failed_logins'])
      .where('id', '=', anna.userId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ locked_until: null, failed_logins: 0 });
  });

  it('blocks with a growing wait, and the failures decay so the client may try again later', async () => {
    const ben = await createStaff(tdb.db, { email: 'ben@example.org' });
    for (let i = 0; i < 6; i++) await attempt('198.18.0.20', ben.email, 'nope');
    const first = await attempt('198.18.0.20', ben.email, 'nope');
    expect(first.status).toBe(429);
    const wait1 = Number(first.headers.get('retry-after'));
    clock.advanceMinutes(wait1 / 60 + 0.01);
    expect((await attempt('198.18.0.20', ben.email, 'nope')).status).toBe(401);
    const second = await attempt('198.18.0.20', ben.email, 'nope');
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(wait1);
    // Two hours later (four half-lives) the score has faded below the free tries again.
    clock.advanceMinutes(120);
    const after: number[] = [];
    for (let i = 0; i < 4; i++) after.push((await attempt('198.18.0.20', ben.email, 'nope')).status);
    expect(after).toEqual([401, 401, 401, 401]);
    expect((await attempt('198.18.0.20', ben.email, PASSWORD)).status).toBe(200);
    // A success clears this client's record on the account; its record as a client stays to decay.
    const now = clock.now();
    const keys = [
      await clientKey(tdb.db, 'login-account', `198.18.0.20\n${ben.email}`, now),
      await clientKey(tdb.db, 'login-client', '198.18.0.20', now),
    ];
    const rows = await tdb.db
      .selectFrom('rate_limit_backoff')
      .select('key')
      .where('key', 'in', keys)
      .execute();
    expect(rows).toEqual([{ key: keys[1] }]);
  });

  it('limits one client spraying many accounts, also against a right password, but no other client', async () => {
    const cara = await createStaff(tdb.db, { email: 'cara@example.org' });
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++)
      statuses.push((await attempt('198.18.0.30', `user${i}@example.org`, 'x')).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await attempt('198.18.0.30', cara.email, PASSWORD)).status).toBe(429);
    expect((await attempt('198.18.0.31', cara.email, PASSWORD)).status).toBe(200);
    // 33 PBKDF2 computations at 600,000 iterations: several seconds each on a loaded machine.
  }, 300_000);

  it('keeps a block across midnight, when the day key of the client HMAC changes', async () => {
    const emil = await createStaff(tdb.db, { email: 'emil@example.org' });
    // Six failures block for 2 s, from one second before midnight to one second after.
    clock.set('2026-12-04T23:59:59Z');
    for (let i = 0; i < 6; i++) await attempt('198.18.0.40', emil.email, 'nope');
    const before = await attempt('198.18.0.40', emil.email, PASSWORD);
    expect(before.status).toBe(429);
    clock.set('2026-12-05T00:00:00.500Z');
    const after = await attempt('198.18.0.40', emil.email, PASSWORD);
    expect(after.status).toBe(429);
    expect(Number(after.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await attempt('198.18.0.41', emil.email, PASSWORD)).status).toBe(200);
  });

  it('answers unknown and known accounts alike and takes about as long for both', async () => {
    await tdb.db
      .insertInto('staff_users')
      .values({
        email: 'strong@example.org',
        display_name: 'Strong',
        password_hash: await hashPassword(PASSWORD, DEFAULT_ITERATIONS),
        role: 'counsellor',
      })
      .execute();
    const timed = async (email: string, i: number) => {
      const started = performance.now();
      const res = await attempt(`198.18.1.${i}`, email, 'wrong password');
      const ms = performance.now() - started;
      return { ms, status: res.status, body: (await res.json()) as { code: string; detail: string } };
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      const k = await timed('strong@example.org', 2 * i);
      const u = await timed(`nobody${i}@example.org`, 2 * i + 1);
      expect([k.status, u.status]).toEqual([401, 401]);
      expect(k.body.detail).toBe(u.body.detail);
      known.push(k.ms);
      unknown.push(u.ms);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(known) / median(unknown);
    // Both compute one PBKDF2 hash at 600,000 iterations; before, unknown e-mails answered ~20x faster.
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
  });
});

describe('audit of refused access', () => {
  it('writes one row per failure kind with a keyed hash of the client address, never the address', async () => {
    const dora = await createStaff(tdb.db, { email: 'dora@example.org' });
    const client = '198.18.2.7';
    await attempt(client, dora.email, 'wrong');
    await attempt(client, 'ghost@example.org', 'wrong');
    for (let i = 0; i < 6; i++) await attempt(client, dora.email, 'wrong');
    const session = await loginAs(t, dora.email);
    await t.request('/api/auth/logout', {
      method: 'POST',
      headers: { ...session.headers(), 'x-csrf-token': 'bad' },
    });
    await t.request('/api/admin/counsellors', { headers: session.headers() });
    const rows = await tdb.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'detail'])
      .where('entity_type', '=', 'security')
      .execute();
    const details = rows.map((r) => r.detail as Record<string, unknown>);
    const reasons = details.map((d) => d.reason).filter(Boolean);
    expect(reasons).toContain('wrong_password');
    expect(reasons).toContain('unknown_account');
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['login_failed', 'login_blocked', 'csrf_failed', 'access_denied'])
      expect(actions).toContain(a);
    const denied = rows.find((r) => r.action === 'access_denied')!;
    expect(denied.actor_id).toBe(dora.userId);
    expect((denied.detail as { path: string }).path).toBe('/api/admin/counsellors');
    expect(JSON.stringify(rows)).not.toContain(client);
    const hashes = new Set(details.map((d) => d.clientHash));
    expect([...hashes].every((h) => typeof h === 'string' && /^[0-9a-f]{32}$/.test(h as string))).toBe(true);
  });
});
