// The frame of the staff pages: login gate, header with navigation, user and language, the main landmark.

import { signal, useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { formatDate, formatTime, type Lang, setLang, tr } from '../shared/i18n.ts';
import { sessionExpired } from './api.ts';
import { AUTH } from './auth-strings.ts';
import { LoginForm } from './login-form.tsx';
import { onLinkClick, path } from './router.ts';
import { logout, passwordResetAt, pending, user } from './session.ts';
import { STAFF } from './strings.ts';

export interface NavItem {
  href: string;
  label: string;
  /** Another page (counsellor ↔ operator console): a normal page load, not in-page navigation. */
  external?: boolean;
}

export { errorText } from './error-text.ts';

/** Account self-service loads only when needed (forced step or the account panel): size is a feature. */
const account$ = signal<typeof import('./account.tsx') | null>(null);
function loadAccount(): null {
  if (!account$.value) void import('./account.tsx').then((m) => (account$.value = m));
  return null;
}

export function Shell(props: { title: string; nav: NavItem[]; children: ComponentChildren }) {
  const s = tr(STAFF);
  const a = tr(AUTH);
  const account = useSignal(false);
  const u = user.value;
  if (u === undefined) return <p class="pad">{s.loading}</p>;
  if (u === null || sessionExpired.value) return <LoginForm />;
  document.title = `${props.title} – Beratungsraum`;
  const reset = passwordResetAt.value;
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
        {!pending.value && (
          <button
            type="button"
            class="link"
            aria-expanded={account.value}
            onClick={() => (account.value = !account.value)}
          >
            {a.account}
          </button>
        )}
        <button type="button" class="secondary" onClick={() => void logout()}>
          {s.logout}
        </button>
      </header>
      <main id="main" class="wide">
        {reset && (
          <p class="notice" role="status">
            {a.resetNotice.replace('{at}', `${formatDate(reset)} ${formatTime(reset)}`)}
          </p>
        )}
        {(pending.value || account.value) && !account$.value && loadAccount()}
        {pending.value === 'password_change' ? (
          account$.value && <account$.value.PasswordForm forced />
        ) : pending.value === 'totp_setup' ? (
          account$.value && <account$.value.TotpSetup />
        ) : (
          <>
            {account.value && account$.value && (
              <account$.value.AccountPanel onClose={() => (account.value = false)} />
            )}
            {props.children}
          </>
        )}
      </main>
    </>
  );
}

function isCurrent(href: string): boolean {
  const p = path.value;
  return p === href || (href.split('/').length > 2 && p.startsWith(`${href}/`));
}
