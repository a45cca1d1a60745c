// The frame of the staff pages: login gate, header with navigation, user and language, the main landmark.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type Lang, setLang, tr } from '../shared/i18n.ts';
import { ApiError, sessionExpired } from './api.ts';
import { onLinkClick, path } from './router.ts';
import { login, logout, user } from './session.ts';
import { STAFF } from './strings.ts';

export interface NavItem {
  href: string;
  label: string;
  /** Another page (counsellor ↔ operator console): a normal page load, not in-page navigation. */
  external?: boolean;
}

/** A user-facing message for a failed request. */
export function errorText(e: unknown): string {
  const s = tr(STAFF);
  if (e instanceof ApiError) {
    if (e.code === 'network') return s.network;
    if (e.status === 503) return s.unavailable;
    const detail = typeof e.body.detail === 'string' ? e.body.detail : '';
    const fields = e.errors.map((f) => `${f.path}: ${f.message}`).join('; ');
    return [s.failed, detail, fields].filter(Boolean).join(' ');
  }
  return s.failed;
}

export function Shell(props: { title: string; nav: NavItem[]; children: ComponentChildren }) {
  const s = tr(STAFF);
  const u = user.value;
  if (u === undefined) return <p class="pad">{s.loading}</p>;
  if (u === null || sessionExpired.value) return <LoginForm />;
  document.title = `${props.title} – Beratungsraum`;
  return (
    <>
      <a class="skip" href="#main">
        {s.skip}
      </a>
      <header class="top staff-top">
        <span class="brand">{s.brand}</span>
        <nav aria-label={s.mainNav}>
          <ul class="nav">
            {props.nav.map((n) => (
              <li key={n.href}>
                <a href={n.href} onClick={onLinkClick} aria-current={isCurrent(n.href) ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="who">
          <span class="sr-only">{s.loggedInAs} </span>
          {u.displayName}
        </span>
        <button
          type="button"
          class="link"
          lang={s.otherLangCode}
          onClick={() => void setLang(s.otherLangCode as Lang)}
        >
          {s.otherLang}
        </button>
        <button type="button" class="secondary" onClick={() => void logout()}>
          {s.logout}
        </button>
      </header>
      <main id="main" class="wide">
        {props.children}
      </main>
    </>
  );
}

function isCurrent(href: string): boolean {
  const p = path.value;
  return p === href || (href.split('/').length > 2 && p.startsWith(`${href}/`));
}

function LoginForm() {
  const s = tr(STAFF);
  const [error, setError] = useState(sessionExpired.value ? s.sessionExpired : '');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    setError('');
    try {
      await login(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      setError(
        code === 'rate_limited'
          ? s.loginRateLimited
          : code === 'unauthorized'
            ? s.loginFailed
            : errorText(err),
      );
    } finally {
      setBusy(false);
    }
  };
  document.title = `${s.loginTitle} – Beratungsraum`;
  return (
    <main id="main" class="login">
      <h1>{s.loginTitle}</h1>
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
        {error && (
          <p class="err" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {s.loginButton}
        </button>
      </form>
    </main>
  );
}
