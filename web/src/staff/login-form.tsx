// The staff login: single sign-on button when configured, local password with a TOTP step, and the
// messages for refused logins (also those the single sign-on callback sends back in `loginError`).
import { signal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { LoginOptions } from '../../../contract/auth.ts';
import { tr } from '../shared/i18n.ts';
import { ApiError, call, sessionExpired } from './api.ts';
import { AUTH } from './auth-strings.ts';
import { errorText } from './error-text.ts';
import { createLoginModel } from './login-model.ts';
import { login, ssoStartUrl } from './session.ts';
import { STAFF } from './strings.ts';

const options = signal<LoginOptions | null>(null);

function ssoError(): string {
  const code = new URLSearchParams(location.search).get('loginError');
  if (!code) return '';
  return tr(AUTH).loginErrors[code] ?? tr(STAFF).failed;
}

export function LoginForm() {
  const s = tr(STAFF);
  const a = tr(AUTH);
  const model = useMemo(
    () =>
      createLoginModel(
        login,
        (err, totpShown) => {
          const code = err instanceof ApiError ? err.code : '';
          if (code === 'totp_required')
            return { text: totpShown ? tr(AUTH).totpWrong : tr(AUTH).totpNeeded, askTotp: true };
          const text =
            code === 'rate_limited'
              ? tr(STAFF).loginRateLimited
              : code === 'unauthorized'
                ? tr(STAFF).loginFailed
                : code === 'local_login_disabled'
                  ? tr(AUTH).localOff
                  : errorText(err);
          return { text, askTotp: false };
        },
        ssoError() || (sessionExpired.value ? s.sessionExpired : ''),
      ),
    [],
  );
  const error = model.error.value;
  const busy = model.busy.value;
  const needTotp = model.needTotp.value;
  useEffect(() => {
    if (!options.value)
      void call<LoginOptions>('GET', '/api/auth/options').then(
        (o) => (options.value = o),
        () => undefined,
      );
  }, []);
  const submit = (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    void model.submit(
      String(form.get('email') ?? ''),
      String(form.get('password') ?? ''),
      String(form.get('totp') ?? ''),
    );
  };
  document.title = `${s.loginTitle} – Beratungsraum`;
  const o = options.value;
  return (
    <main id="main" class="login">
      <h1>{s.loginTitle}</h1>
      {o?.sso && (
        <p>
          <a class="button" href={ssoStartUrl()} id="sso-login">
            {o.sso.label === 'Single sign-on' ? a.sso : o.sso.label}
          </a>
        </p>
      )}
      {o?.sso && o.localLogin !== 'off' && <p class="muted">{a.or}</p>}
      {o?.localLogin !== 'off' && (
        <form onSubmit={submit} class="stack">
          <div class="field">
            <label for="login-email">{s.email}</label>
            <input id="login-email" name="email" type="email" autocomplete="username" required />
          </div>
          <div class="field">
            <label for="login-password">{s.password}</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
            />
          </div>
          {needTotp && (
            <div class="field">
              <label for="login-totp">{a.totp}</label>
              <input
                id="login-totp"
                name="totp"
                inputMode="numeric"
                pattern="[0-9]{6}"
                maxLength={6}
                autocomplete="one-time-code"
                required
              />
            </div>
          )}
          <button type="submit" disabled={busy}>
            {s.loginButton}
          </button>
        </form>
      )}
      {error && (
        <p class="err" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
