// Staff login: sessions in PostgreSQL, strict cookies, CSRF on state changes, backoff, expiry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../functions/staff/password.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createStaff, loginStaff, type StaffFixture } from '../helpers/room-fixtures.ts';

const NOW = new Date('2026-12-03T08:00:00Z');

describe('staff authentication', () => {
  let tdb: TestDatabase;
  let clock: TestClock;
  let t: TestApp;
  const request = (path: string, init: RequestInit) => t.request(path, init);
  const login = (email: string, password: string) =>
    t.request('/api/auth/login', { method: 'POST', json: { email, password } });
  const me = (cookie: string) => t.request('/api/auth/me', { headers: { cookie } });

  beforeAll(async () => {
    tdb = await createTestDatabase();
    clock = new TestClock(NOW);
    t = createTestApp(tdb, { clock });
  });
  afterAll(async () => {
    await tdb?.close();
  });

  it('logs in with the right password and sets an HttpOnly SameSite=Strict session cookie', async () => {
    const staff = await createStaff(tdb.db);
    const res = await login(staff.email.toUpperCase(), staff.password);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^br_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    // Plain http on localhost is the one place without Secure.
    expect(cookie).not.toMatch(/Secure/);
    const body = await res.json();
    expect(body).toMatchObject({
      user: { id: staff.userId, email: staff.email, role: 'counsellor', counsellorId: staff.counsellorId },
    });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const sessions = await tdb.db
      .selectFrom('staff_sessions')
      .selectAll()
      .where('user_id', '=', staff.userId)
      .execute();
    expect(sessions).toHaveLength(1);
    // Only the hash of the session token is stored.
    const token = cookie.split(';')[0]!.split('=')[1]!;
    expect(Buffer.from(sessions[0]!.token_hash).toString('utf8')).not.toContain(token);
  });

  it('marks the cookie Secure behind https', async () => {
    const secure = createTestApp(tdb, { clock, env: { PUBLIC_BASE_URL: 'https://beratung.example.org' } });
    const staff = await createStaff(tdb.db);
    const res = await secure.request('/api/auth/login', {
      method: 'POST',
      json: { email: staff.email, password: staff.password },
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('verifies a production-strength PBKDF2 hash (600,000 iterations)', async () => {
    const staff = await createStaff(tdb.db);
    await tdb.db
      .updateTable('staff_users')
      .set({ password_hash: await hashPassword('a long passphrase') })
      .where('id', '=', staff.userId)
      .execute();
    const row = await tdb.db
      .selectFrom('staff_users')
      .select('password_hash')
      .where('id', '=', staff.userId)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^pbkdf2-sha256\$600000\$/);
    expect((await login(staff.email, 'a long passphrase')).status).toBe(200);
  });

  it('answers a wrong password and an unknown e-mail with the same 401', async () => {
    const staff = await createStaff(tdb.db);
    const wrong = await login(staff.email, 'wrong password');
    const unknown = await login('nobody@example.org', 'wrong password');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    const [w, u] = [await wrong.json(), await unknown.json()];
    expect({ ...w, requestId: '' }).toEqual({ ...u, requestId: '' });
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('answers 422 for a malformed login body', async () => {
    const res = await t.request('/api/auth/login', {
      method: 'POST',
      json: { email: 'not-an-email', password: '' },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).code).toBe('validation_failed');
  });

  it('never locks the account: after many wrong passwords from one client the right one still works elsewhere', async () => {
    const staff = await createStaff(tdb.db);
    const attacker = { 'x-forwarded-for': '198.18.0.66' };
    for (let i = 0; i < 12; i++)
      await t.request('/api/auth/login', {
        method: 'POST',
        headers: attacker,
        json: { email: staff.email, password: `wrong ${i}` },
      });
    const row = await tdb.db
      .selectFrom('staff_users')
      .select(['locked_until', 'failed_logins'])
      .where('id', '=', staff.userId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ locked_until: null, failed_logins: 0 });
    expect((await login(staff.email, staff.password)).status).toBe(200);
  });

  it('backs off one client on one account with 429 and Retry-After, and lets it try again later', async () => {
    const email = 'target@example.org';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(email, 'guess')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    const limited = await login(email, 'guess');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).code).toBe('rate_limited');
    clock.advanceMinutes(1);
    expect((await login(email, 'guess')).status).toBe(401);
  });
  it('tells who is logged in and refuses without a session', async () => {
    const staff = await createStaff(tdb.db, { role: 'operator' });
    const s = await loginStaff(request, staff);
    const res = await me(s.cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      user: { id: staff.userId, role: 'operator', counsellorId: null },
      csrfToken: s.csrf,
    });
    expect((await t.request('/api/auth/me')).status).toBe(401);
    expect((await me('br_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(401);
    expect((await me('br_session=../../etc')).status).toBe(401);
  });

  it('requires the CSRF header for logout and ends the session with it', async () => {
    const staff = await createStaff(tdb.db);
    const s = await loginStaff(request, staff);
    const without = await t.request('/api/auth/logout', { method: 'POST', headers: { cookie: s.cookie } });
    expect(without.status).toBe(403);
    expect((await without.json()).code).toBe('csrf_failed');
    const wrong = await t.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': 'wrong' },
    });
    expect(wrong.status).toBe(403);
    expect((await me(s.cookie)).status).toBe(200);
    const ok = await t.request('/api/auth/logout', { method: 'POST', headers: s.headers });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/br_session=;/);
    expect((await me(s.cookie)).status).toBe(401);
    const rows = await tdb.db
      .selectFrom('staff_sessions')
      .select('user_id')
      .where('user_id', '=', staff.userId)
      .execute();
    expect(rows).toEqual([]);
  });

  it('expires an idle session after 30 minutes and extends an active one up to its absolute end', async () => {
    const staff: StaffFixture = await createStaff(tdb.db);
    const idle = await loginStaff(request, staff);
    const active = await loginStaff(request, staff);
    for (let i = 0; i < 3; i++) {
      clock.advanceMinutes(20);
      expect((await me(active.cookie)).status).toBe(200);
    }
    // 60 minutes later: past the idle session's 30 minutes, while the active one was refreshed.
    expect((await me(idle.cookie)).status).toBe(401);
    expect((await me(active.cookie)).status).toBe(200);
    clock.advanceMinutes(31);
    expect((await me(active.cookie)).status).toBe(401);
  });

  it('refuses a deactivated account’s existing session', async () => {
    const staff = await createStaff(tdb.db);
    const s = await loginStaff(request, staff);
    await tdb.db.updateTable('staff_users').set({ active: false }).where('id', '=', staff.userId).execute();
    expect((await me(s.cookie)).status).toBe(401);
    expect((await login(staff.email, staff.password)).status).toBe(401);
  });
});
