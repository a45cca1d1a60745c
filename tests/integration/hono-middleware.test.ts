// Hono's request-id and csrf middleware in the assembled app: the ids a proxy sees, the origins a login accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createStaff, loginStaff } from '../helpers/room-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb);
});
afterAll(() => tdb?.close());

describe('request ids', () => {
  it('keeps a sane id from the proxy and replaces anything else with a UUID, also on errors', async () => {
    const kept = await t.request('/healthz', { headers: { 'x-request-id': 'proxy-1234_abc=' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-1234_abc=');
    for (const bad of ['has space', 'a'.repeat(65), '<script>']) {
      const res = await t.request('/api/nowhere', { headers: { 'x-request-id': bad } });
      expect(res.status).toBe(404);
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(((await res.json()) as { requestId?: string }).requestId ?? id).toBe(id);
    }
  });
});

describe('cross-site requests to the cookie-authenticated API', () => {
  const loginAs = (headers: Record<string, string>, body: string) =>
    t.request('/api/auth/login', { method: 'POST', headers, body });

  it('refuses a form posted to the login from another site, with csrf_failed and nothing changed', async () => {
    const staff = await createStaff(tdb.db);
    const form = `email=${encodeURIComponent(staff.email)}&password=${encodeURIComponent(staff.password)}`;
    const res = await loginAs(
      { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      form,
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe('csrf_failed');
    expect(res.headers.get('set-cookie')).toBeNull();
    const beacon = await loginAs({ 'content-type': 'text/plain', 'sec-fetch-site': 'cross-site' }, form);
    expect(beacon.status).toBe(403);
  });

  it('accepts the login from this origin, from the public origin and from a non-browser client', async () => {
    const staff = await createStaff(tdb.db);
    const json = JSON.stringify({ email: staff.email, password: staff.password });
    const clients: Record<string, string>[] = [
      { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      { origin: 'http://localhost:8787' },
      {},
    ];
    for (const headers of clients) {
      const res = await loginAs({ 'content-type': 'application/json', ...headers }, json);
      expect(res.status).toBe(200);
    }
  });

  it('still needs the session token for a write from the same origin', async () => {
    const staff = await createStaff(tdb.db);
    const session = await loginStaff((p, i) => t.request(p, i), staff);
    const res = await t.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie: session.cookie, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('csrf_failed');
  });
});
