// Local accounts done right: password change with a blocklist, one-time passwords after a reset (and
// the counsellor is told), TOTP required for operators, create-operator, local login as break-glass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator } from '../../functions/staff/create-operator.ts';
import { totpCode } from '../../functions/staff/totp.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { createStaff, login, PASSWORD, type Session } from '../helpers/staff-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;
const clock = new TestClock(new Date('2026-12-03T08:00:00Z'));
const post = (s: Session, path: string, json: unknown) =>
  t.request(path, { method: 'POST', headers: s.headers(true), json });
const NEW_PASSWORD = 'Kastanienallee-im-Herbst';

beforeAll(async () => {
  tdb = await createTestDatabase();
  // Production defaults: operators need TOTP; a placeholder provider enables the break-glass switch.
  t = createTestApp(tdb, {
    clock,
    env: {
      OPERATOR_TOTP: 'required',
      OIDC_ISSUER: 'http://127.0.0.1:9/realms/none',
      OIDC_CLIENT_ID: 'beratungsraum',
      OIDC_CLIENT_SECRET: 'secret',
    },
  });
});
afterAll(async () => {
  await tdb?.close();
});

describe('password change', () => {
  it('refuses a wrong current password (401, audited) and weak new ones (422) without changing anything', async () => {
    await createStaff(tdb.db, { email: 'eva@example.org' });
    const s = await login(t, 'eva@example.org');
    const wrong = await post(s, '/api/auth/password', { currentPassword: 'nope', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(401);
    for (const [pw, reason] of [
      ['kurz', 'too_short'],
      ['Passwort123!', 'common'],
      ['Qwertzuiop1234', 'common'],
      ['eva-eva-eva-1234', 'contains_email'],
    ] as const) {
      const res = await post(s, '/api/auth/password', { currentPassword: PASSWORD, newPassword: pw });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ code: 'weak_password', reason });
    }
    await login(t, 'eva@example.org');
    const audit = await tdb.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'login_failed')
      .execute();
    expect(audit.some((a) => (a.detail as { reason: string }).reason === 'wrong_current_password')).toBe(
      true,
    );
  });
});

describe('operator resets a counsellor', () => {
  it('only to a one-time password; the counsellor must change it and is told of the reset', async () => {
    const finn = await createStaff(tdb.db, { email: 'finn@example.org' });
    const op = await createOperator(
      tdb.db,
      { email: 'op1@example.org', displayName: 'Op', iterations: 1000 },
      clock.now(),
    );
    let ops = await login(t, 'op1@example.org', op.oneTimePassword);
    ops = await finishOperatorSetup(ops, op.oneTimePassword);
    const chosen = await post(ops, `/api/admin/counsellors/${finn.counsellorId}/reset-password`, {
      password: 'the-operator-knows-this',
    });
    expect(chosen.status).toBe(422);
    const reset = await post(ops, `/api/admin/counsellors/${finn.counsellorId}/reset-password`, {});
    expect(reset.status).toBe(200);
    const { temporaryPassword } = (await reset.json()) as { temporaryPassword: string };
    const res = await t.request('/api/auth/login', {
      method: 'POST',
      json: { email: 'finn@example.org', password: temporaryPassword },
    });
    const body = (await res.json()) as { pending: string; passwordResetAt: string; csrfToken: string };
    expect(body.pending).toBe('password_change');
    expect(body.passwordResetAt).toBe(clock.now().toISOString());
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const s: Session = {
      cookie,
      csrf: body.csrfToken,
      headers: (w = false) => ({ cookie, ...(w ? { 'x-csrf-token': body.csrfToken } : {}) }),
    };
    const agenda = await t.request('/api/staff/agenda', { headers: s.headers() });
    expect(agenda.status).toBe(403);
    expect((await agenda.json()).code).toBe('password_change_required');
    expect(
      (await post(s, '/api/auth/password', { currentPassword: temporaryPassword, newPassword: NEW_PASSWORD }))
        .status,
    ).toBe(200);
    expect((await t.request('/api/staff/agenda', { headers: s.headers() })).status).toBe(200);
    const me = await (await t.request('/api/auth/me', { headers: s.headers() })).json();
    expect(me).toMatchObject({ pending: null });
  });
});

/** Changes the one-time password, then enrols TOTP; returns the now complete session. */
async function finishOperatorSetup(s: Session, oneTime: string): Promise<Session> {
  const changed = await post(s, '/api/auth/password', {
    currentPassword: oneTime,
    newPassword: NEW_PASSWORD,
  });
  expect(await changed.json()).toMatchObject({ pending: 'totp_setup' });
  const blocked = await t.request('/api/admin/counsellors', { headers: s.headers() });
  expect((await blocked.json()).code).toBe('totp_setup_required');
  const setup = (await (await post(s, '/api/auth/totp/setup', {})).json()) as { secret: string; uri: string };
  expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Beratungsraum:/);
  expect((await post(s, '/api/auth/totp/confirm', { code: '000000' })).status).toBe(422);
  const ok = await post(s, '/api/auth/totp/confirm', { code: totpCode(setup.secret, clock.now()) });
  expect(await ok.json()).toEqual({ status: 'enabled', pending: null });
  expect((await t.request('/api/admin/counsellors', { headers: s.headers() })).status).toBe(200);
  secrets.set(s.cookie, setup.secret);
  return s;
}
const secrets = new Map<string, string>();

describe('TOTP for operators', () => {
  it('create-operator makes a one-time password; the first login changes it and enrols TOTP; later logins need a fresh code', async () => {
    const op = await createOperator(
      tdb.db,
      { email: 'op2@example.org', displayName: 'Olga', iterations: 1000 },
      clock.now(),
    );
    expect(op.created).toBe(true);
    const first = await login(t, 'op2@example.org', op.oneTimePassword);
    await finishOperatorSetup(first, op.oneTimePassword);
    const secret = secrets.get(first.cookie)!;
    const attempt = (totp?: string) =>
      t.request('/api/auth/login', {
        method: 'POST',
        headers: { 'x-forwarded-for': '198.18.3.1' },
        json: { email: 'op2@example.org', password: NEW_PASSWORD, ...(totp ? { totp } : {}) },
      });
    const none = await attempt();
    expect(none.status).toBe(401);
    expect((await none.json()).code).toBe('totp_required');
    expect((await attempt('123456')).status).toBe(401);
    // The code used at enrolment (same 30 s step) is spent; the next step's code works once.
    clock.advanceMinutes(0.5);
    const code = totpCode(secret, clock.now());
    expect((await attempt(code)).status).toBe(200);
    expect((await attempt(code)).status).toBe(401);
    const again = await createOperator(
      tdb.db,
      { email: 'op2@example.org', displayName: 'Olga', iterations: 1000 },
      clock.now(),
    );
    expect(again.created).toBe(false);
    expect(again.oneTimePassword).not.toBe(op.oneTimePassword);
  });
});

describe('break-glass', () => {
  it('with local passwords switched off, only operators with TOTP log in locally; counsellors get 403', async () => {
    await createStaff(tdb.db, { email: 'gina@example.org' });
    const op = await createOperator(
      tdb.db,
      { email: 'op3@example.org', displayName: 'Op3', iterations: 1000 },
      clock.now(),
    );
    const ops = await finishOperatorSetup(
      await login(t, 'op3@example.org', op.oneTimePassword),
      op.oneTimePassword,
    );
    const put = await t.request('/api/admin/login-settings', {
      method: 'PUT',
      headers: ops.headers(true),
      json: { localLogin: 'break_glass' },
    });
    expect(await put.json()).toEqual({ localLogin: 'break_glass' });
    const refused = await t.request('/api/auth/login', {
      method: 'POST',
      json: { email: 'gina@example.org', password: PASSWORD },
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).code).toBe('local_login_disabled');
    const options = await (await t.request('/api/auth/options')).json();
    expect(options).toEqual({ localLogin: 'break_glass', sso: { label: 'Single sign-on' } });
    clock.advanceMinutes(0.5);
    const opLogin = await t.request('/api/auth/login', {
      method: 'POST',
      json: {
        email: 'op3@example.org',
        password: NEW_PASSWORD,
        totp: totpCode(secrets.get(ops.cookie)!, clock.now()),
      },
    });
    expect(opLogin.status).toBe(200);
    await t.request('/api/admin/login-settings', {
      method: 'PUT',
      headers: ops.headers(true),
      json: { localLogin: 'on' },
    });
    await login(t, 'gina@example.org');
  });
});
