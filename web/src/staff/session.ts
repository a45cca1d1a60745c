// The logged-in staff user as signals, with login (password, TOTP), single sign-on, logout and "who am I".
import { signal } from '@preact/signals';
import type { LoginResult, Me, Pending, StaffUser } from '../../../contract/auth.ts';
import { call, csrfToken, sessionExpired } from './api.ts';

export type { Pending, StaffUser } from '../../../contract/auth.ts';

/** undefined while loading, null when logged out. */
export const user = signal<StaffUser | null | undefined>(undefined);
/** A step the session must finish before the page may be used. */
export const pending = signal<Pending>(null);
/** When an operator last reset this account's password (shown once after login). */
export const passwordResetAt = signal<string | null>(null);
export const authMethod = signal<'password' | 'oidc'>('password');

type AuthAnswer = LoginResult & Partial<Pick<Me, 'authMethod'>>;

function accept(a: AuthAnswer): void {
  csrfToken.value = a.csrfToken;
  sessionExpired.value = false;
  pending.value = a.pending ?? null;
  passwordResetAt.value = a.passwordResetAt ?? null;
  authMethod.value = a.authMethod ?? 'password';
  user.value = a.user;
}

export async function loadSession(): Promise<void> {
  try {
    accept(await call<AuthAnswer>('GET', '/api/auth/me'));
  } catch {
    user.value = null;
  }
}

export async function login(email: string, password: string, totp?: string): Promise<void> {
  accept(await call<AuthAnswer>('POST', '/api/auth/login', { email, password, ...(totp ? { totp } : {}) }));
}

/** Where single sign-on starts, returning to this page. */
export function ssoStartUrl(): string {
  const returnTo = location.pathname.startsWith('/admin') ? '/admin' : '/counsellor';
  return `/api/auth/oidc/start?returnTo=${returnTo}`;
}

export async function logout(): Promise<void> {
  let providerLogout: string | undefined;
  try {
    providerLogout = (await call<{ logoutUrl?: string }>('POST', '/api/auth/logout')).logoutUrl;
  } finally {
    csrfToken.value = '';
    user.value = null;
  }
  // A single sign-on session ends at the identity provider too, which then sends the browser back.
  if (providerLogout) location.assign(providerLogout);
}
