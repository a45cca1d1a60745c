// Single sign-on in Chromium against a real Keycloak: a counsellor logs in through it and lands on the
// agenda, a user whose group maps to no role is refused, logout ends the session here and at Keycloak,
// Keycloak's back-channel logout ends it too; and a local operator with one-time password and TOTP.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator } from '../../functions/staff/create-operator.ts';
import { totpCode } from '../../functions/staff/totp.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  type Keycloak,
  keycloakMissingReason,
  startKeycloak,
} from '../helpers/keycloak.ts';
import { eventually } from './dashboard-harness.ts';
import { launchBrowser, type System, startSystem, systemMissingReason } from './lib/system.ts';

const skip = systemMissingReason() ?? keycloakMissingReason();

describe.skipIf(skip)('single sign-on with Keycloak in Chromium', () => {
  let kc: Keycloak;
  let sys: System;
  let browser: Browser;

  beforeAll(async () => {
    [kc, browser] = await Promise.all([startKeycloak(), launchBrowser()]);
    sys = await startSystem({
      livekit: false,
      env: {
        OIDC_ISSUER: kc.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_ROLES_CLAIM: 'groups',
        OIDC_COUNSELLOR_GROUPS: 'beratung',
        OIDC_OPERATOR_GROUPS: 'leitstelle',
        OIDC_SUPERVISOR_GROUPS: 'supervision',
        OPERATOR_TOTP: 'required',
      },
    });
    await setBackchannelLogoutUrl(kc, `${sys.baseUrl}/api/auth/oidc/backchannel-logout`);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await sys?.stop();
    await kc?.stop();
  });

  async function loginAtKeycloak(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${sys.baseUrl}/counsellor`);
    await page.getByRole('link', { name: 'Mit Single Sign-on anmelden' }).click();
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    await page.locator('#kc-login').click();
  }

  const sessionsOf = async (email: string) =>
    (
      await sys.db
        .selectFrom('staff_sessions')
        .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.user_id')
        .select(['staff_sessions.auth_method', 'staff_users.role', 'staff_users.supervisor'])
        .where('staff_users.email', '=', email)
        .execute()
    ).map((r) => ({ ...r }));

  it('logs a counsellor in through Keycloak onto the agenda, and logout ends both sessions', async () => {
    const page = await (await browser.newContext()).newPage();
    await loginAtKeycloak(page, 'kc-berater', 'kc-berater-pass');
    await page.getByRole('heading', { name: 'Meine Termine' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/counsellor');
    expect(await sessionsOf('kc-berater@example.org')).toEqual([
      { auth_method: 'oidc', role: 'counsellor', supervisor: false },
    ]);
    const user = await sys.db
      .selectFrom('staff_users')
      .innerJoin('counsellors', 'counsellors.staff_user_id', 'staff_users.id')
      .select(['staff_users.display_name', 'staff_users.oidc_subject', 'staff_users.password_hash'])
      .where('email', '=', 'kc-berater@example.org')
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ display_name: 'Kim Berater', password_hash: null });
    await page.getByRole('button', { name: 'Abmelden' }).click();
    // Keycloak ends its session and sends the browser back to the login page.
    await page.getByRole('link', { name: 'Mit Single Sign-on anmelden' }).waitFor();
    expect(await sessionsOf('kc-berater@example.org')).toEqual([]);
    // Without a Keycloak session the next single sign-on asks for the password again.
    await page.getByRole('link', { name: 'Mit Single Sign-on anmelden' }).click();
    await page.locator('#username').waitFor();
    await page.close();
  });

  it('refuses a user whose groups map to no role, and creates no account', async () => {
    const page = await (await browser.newContext()).newPage();
    await loginAtKeycloak(page, 'kc-gast', 'kc-gast-pass');
    await page.getByText('Ihr Konto hat keine Rolle in Beratungsraum').waitFor();
    expect(new URL(page.url()).searchParams.get('loginError')).toBe('no_role');
    const account = await sys.db
      .selectFrom('staff_users')
      .select('id')
      .where('email', '=', 'kc-gast@example.org')
      .executeTakeFirst();
    expect(account).toBeUndefined();
    const audit = await sys.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'login_failed')
      .execute();
    expect(audit.some((a) => (a.detail as { reason?: string }).reason === 'no_role')).toBe(true);
    await page.close();
  });

  it('maps the operator and supervisor groups, and Keycloak’s back-channel logout ends the session', async () => {
    const page = await (await browser.newContext()).newPage();
    await loginAtKeycloak(page, 'kc-leitung', 'kc-leitung-pass');
    await page.getByRole('heading', { name: 'Kapazität des Videosystems' }).waitFor();
    expect(await sessionsOf('kc-leitung@example.org')).toEqual([
      { auth_method: 'oidc', role: 'operator', supervisor: true },
    ]);
    await logoutUserAtKeycloak(kc, 'kc-leitung');
    await eventually(async () => expect(await sessionsOf('kc-leitung@example.org')).toEqual([]));
    await page.close();
  });

  it('takes a local operator from a one-time password through password change and TOTP set-up, then asks for a code', async () => {
    const op = await createOperator(
      sys.db,
      { email: 'notfall@example.org', displayName: 'Notfall', iterations: 1000 },
      new Date(),
    );
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${sys.baseUrl}/admin`);
    await page.getByLabel('E-Mail-Adresse').fill('notfall@example.org');
    await page.getByLabel('Passwort', { exact: true }).fill(op.oneTimePassword);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByLabel('Bisheriges Passwort').fill(op.oneTimePassword);
    await page.getByLabel('Neues Passwort', { exact: true }).fill('Leuchtturm-am-Deich-42');
    await page.getByLabel('Neues Passwort wiederholen').fill('Leuchtturm-am-Deich-42');
    await page.getByRole('button', { name: 'Passwort ändern' }).click();
    await page.getByRole('button', { name: 'Einrichtung beginnen' }).click();
    const secret = (await page.locator('#totp-secret').textContent()) ?? '';
    await page.getByLabel('Einmalcode aus der Authenticator-App').fill(totpCode(secret, new Date()));
    const enrolledAt = Date.now();
    await page.getByRole('button', { name: 'Bestätigen' }).click();
    await page.getByRole('heading', { name: 'Kapazität des Videosystems' }).waitFor();
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByLabel('E-Mail-Adresse').fill('notfall@example.org');
    await page.getByLabel('Passwort', { exact: true }).fill('Leuchtturm-am-Deich-42');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByText('Bitte geben Sie den sechsstelligen Code').waitFor();
    // The enrolment code is spent: wait for the next 30-second step's code.
    const nextStep = (Math.floor(enrolledAt / 30_000) + 1) * 30_000;
    await new Promise((r) => setTimeout(r, Math.max(0, nextStep - Date.now() + 200)));
    await page.getByLabel('Einmalcode aus der Authenticator-App').fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('heading', { name: 'Kapazität des Videosystems' }).waitFor();
    await page.close();
  });
});

async function adminToken(kc: Keycloak): Promise<string> {
  const res = await fetch(`${kc.url}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: 'admin',
      password: 'admin-test-only',
    }),
  });
  if (!res.ok) throw new Error(`Keycloak admin token: ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function adminFetch(kc: Keycloak, path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`${kc.url}/admin/realms/beratungsraum${path}`, {
    ...init,
    headers: { authorization: `Bearer ${await adminToken(kc)}`, 'content-type': 'application/json' },
  });
  if (!res.ok) throw new Error(`Keycloak admin ${path}: ${res.status} ${await res.text()}`);
  return res;
}

/** The app's port is known only now, so the back-channel logout address is set through the admin API. */
async function setBackchannelLogoutUrl(kc: Keycloak, url: string): Promise<void> {
  const [client] = (await (await adminFetch(kc, `/clients?clientId=${CLIENT_ID}`)).json()) as {
    id: string;
    attributes: Record<string, string>;
  }[];
  await adminFetch(kc, `/clients/${client!.id}`, {
    method: 'PUT',
    body: JSON.stringify({ ...client, attributes: { ...client!.attributes, 'backchannel.logout.url': url } }),
  });
}

async function logoutUserAtKeycloak(kc: Keycloak, username: string): Promise<void> {
  const [user] = (await (await adminFetch(kc, `/users?username=${username}&exact=true`)).json()) as {
    id: string;
  }[];
  await adminFetch(kc, `/users/${user!.id}/logout`, { method: 'POST' });
}
