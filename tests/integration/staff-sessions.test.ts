// Staff sessions: absolute and idle ends (configurable), own session list, log out everywhere, sessions
// ended by password and role changes, purged by the tick, `__Host-` cookie when Secure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTick } from '../../functions/internal/tick.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createStaff, login, PASSWORD, type Session } from '../helpers/staff-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;
const clock = new TestClock(new Date('2026-12-03T07:00:00Z'));
const me = (s: Session) => t.request('/api/auth/me', { headers: s.headers() });

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock });
});
afterAll(async () => {
  await tdb?.close();
});

describe('session lifetimes', () => {
  it('ends an active session at its absolute end (10 h) although it was used every 20 minutes', async () => {
    await createStaff(tdb.db, { email: 'abs@example.org' });
    const s = await login(t, 'abs@example.org');
    for (let minutes = 20; minutes < 600; minutes += 20) {
      clock.advanceMinutes(20);
      expect((await me(s)).status).toBe(200);
    }
    clock.advanceMinutes(21); // 10 h 1 min after the login
    const res = await me(s);
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe('unauthorized');
  });

  it('takes both lifetimes from the environment', async () => {
    const short = createTestApp(tdb, {
      clock,
      env: { SESSION_IDLE_MINUTES: '5', SESSION_ABSOLUTE_HOURS: '1' },
    });
    await createStaff(tdb.db, { email: 'short@example.org' });
    const s = await login(short, 'short@example.org');
    const cookie = (
      await short.request('/api/auth/login', {
        method: 'POST',
        json: { email: 'short@example.org', password: PASSWORD },
      })
    ).headers.get('set-cookie');
    expect(cookie).toMatch(/Max-Age=3600/);
    clock.advanceMinutes(4);
    expect((await short.request('/api/auth/me', { headers: s.headers() })).status).toBe(200);
    clock.advanceMinutes(6);
    expect((await short.request('/api/auth/me', { headers: s.headers() })).status).toBe(401);
  });

  it('purges sessions past either end in the tick', async () => {
    const staff = await createStaff(tdb.db, { email: 'purge@example.org' });
    await login(t, 'purge@example.org');
    await login(t, 'purge@example.org');
    clock.advanceMinutes(31);
    const fresh = await login(t, 'purge@example.org');
    const result = await runTick(t.deps, clock.now());
    expect(result.housekeeping.staffSessions).toBeGreaterThanOrEqual(2);
    const left = await tdb.db
      .selectFrom('staff_sessions')
      .select('user_id')
      .where('user_id', '=', staff.userId)
      .execute();
    expect(left).toHaveLength(1);
    expect((await me(fresh)).status).toBe(200);
  });

  it('names the cookie __Host-br_session when it is Secure', async () => {
    const secure = createTestApp(tdb, { clock, env: { PUBLIC_BASE_URL: 'https://beratung.example.org' } });
    await createStaff(tdb.db, { email: 'host@example.org' });
    const res = await secure.request('/api/auth/login', {
      method: 'POST',
      json: { email: 'host@example.org', password: PASSWORD },
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-br_session=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/);
    const token = cookie.split(';')[0]!;
    expect((await secure.request('/api/auth/me', { headers: { cookie: token } })).status).toBe(200);
    // The plain name is not accepted where the cookie must be __Host-.
    const plain = token.replace('__Host-br_session', 'br_session');
    expect((await secure.request('/api/auth/me', { headers: { cookie: plain } })).status).toBe(401);
  });
});

describe('own sessions', () => {
  it('lists one’s sessions, ends one by id (not someone else’s) and logs out everywhere', async () => {
    await createStaff(tdb.db, { email: 'multi@example.org' });
    await createStaff(tdb.db, { email: 'other@example.org' });
    const a = await login(t, 'multi@example.org');
    const b = await login(t, 'multi@example.org');
    const c = await login(t, 'multi@example.org');
    const other = await login(t, 'other@example.org');
    const list = await t.request('/api/auth/sessions', { headers: a.headers() });
    expect(list.status).toBe(200);
    const { sessions } = (await list.json()) as {
      sessions: { id: string; current: boolean; method: string }[];
    };
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.every((s) => s.method === 'password')).toBe(true);
    const bId = sessions.find((s) => !s.current)!.id;
    const foreign = await t.request(`/api/auth/sessions/${bId}`, {
      method: 'DELETE',
      headers: other.headers(true),
    });
    expect(foreign.status).toBe(404);
    const ended = await t.request(`/api/auth/sessions/${bId}`, {
      method: 'DELETE',
      headers: a.headers(true),
    });
    expect(ended.status).toBe(200);
    const alive = await Promise.all([me(a), me(b), me(c)]);
    expect(alive.map((r) => r.status).sort()).toEqual([200, 200, 401]);
    const all = await t.request('/api/auth/logout-everywhere', { method: 'POST', headers: a.headers(true) });
    expect(await all.json()).toEqual({ status: 'logged_out', sessionsEnded: 2 });
    for (const s of [a, b, c]) expect((await me(s)).status).toBe(401);
    expect((await me(other)).status).toBe(200);
  });

  it('ends the other sessions when the password changes, and all when an operator changes the role', async () => {
    const staff = await createStaff(tdb.db, { email: 'change@example.org' });
    await createStaff(tdb.db, {
      email: 'boss@example.org',
      role: 'operator',
      counsels: false,
      supervisor: true,
    });
    const here = await login(t, 'change@example.org');
    const there = await login(t, 'change@example.org');
    const changed = await t.request('/api/auth/password', {
      method: 'POST',
      headers: here.headers(true),
      json: { currentPassword: PASSWORD, newPassword: 'Lindenbaum-am-Brunnen-7' },
    });
    expect(changed.status).toBe(200);
    expect((await me(here)).status).toBe(200);
    expect((await me(there)).status).toBe(401);
    const boss = await login(t, 'boss@example.org');
    const again = await login(t, 'change@example.org', 'Lindenbaum-am-Brunnen-7');
    const put = await t.request(`/api/admin/counsellors/${staff.counsellorId}`, {
      method: 'PUT',
      headers: boss.headers(true),
      json: { role: 'operator' },
    });
    expect(put.status).toBe(200);
    expect((await put.json()).counsellor.role).toBe('operator');
    expect((await me(here)).status).toBe(401);
    expect((await me(again)).status).toBe(401);
  });
});
