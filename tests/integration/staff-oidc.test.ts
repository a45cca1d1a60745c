// Single sign-on edges without a provider: unconfigured (404), provider down (back to the login page
// with a reason, recovering on its own), forged or replayed state, junk back-channel logout tokens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let tdb: TestDatabase;
let t: TestApp;
let plain: TestApp;

beforeAll(async () => {
  tdb = await createTestDatabase();
  // Port 9 (discard) on loopback: nothing answers, as when the agency's provider is down.
  t = createTestApp(tdb, {
    env: {
      OIDC_ISSUER: 'http://127.0.0.1:9/realms/beratungsraum',
      OIDC_CLIENT_ID: 'beratungsraum',
      OIDC_CLIENT_SECRET: 'secret',
    },
  });
  plain = createTestApp(tdb);
});
afterAll(async () => {
  await tdb?.close();
});

describe('single sign-on edges', () => {
  it('answers 404 problem+json when single sign-on is not configured, and says so in the options', async () => {
    const res = await plain.request('/api/auth/oidc/start');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await (await plain.request('/api/auth/options')).json()).toEqual({ localLogin: 'on', sso: null });
  });

  it('sends the browser back to the login page when the provider does not answer', async () => {
    const res = await t.request('/api/auth/oidc/start?returnTo=/admin');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/admin?loginError=provider_unavailable');
    const states = await tdb.db.selectFrom('oidc_login_states').select('nonce').execute();
    expect(states).toEqual([]);
  });

  it('refuses an unknown return address with 400', async () => {
    const res = await t.request('/api/auth/oidc/start?returnTo=https://evil.example');
    expect(res.status).toBe(400);
  });

  it('refuses a callback with an unknown state and audits it', async () => {
    const res = await t.request('/api/auth/oidc/callback?state=forged&code=abc', {
      headers: { 'x-forwarded-for': '198.18.9.9' },
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/counsellor?loginError=invalid_state');
    expect(res.headers.get('set-cookie')).toBeNull();
    const audit = await tdb.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'login_failed')
      .execute();
    expect(audit.map((a) => (a.detail as { reason: string }).reason)).toContain('invalid_state');
  });

  it('answers 400 to a back-channel logout without a valid token and ends no session', async () => {
    const none = await t.request('/api/auth/oidc/backchannel-logout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'foo=bar',
    });
    expect(none.status).toBe(400);
    const junk = await t.request('/api/auth/oidc/backchannel-logout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'logout_token=eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    });
    expect(junk.status).toBe(400);
    expect((await junk.json()).code).toBe('invalid_request');
  });
});
