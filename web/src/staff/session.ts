// The logged-in staff user as signals, with login, logout and the initial "who am I".
import { signal } from '@preact/signals';
import { call, csrfToken, sessionExpired } from './api.ts';

export interface StaffUser {
  id: string;
  email: string;
  displayName: string;
  role: 'counsellor' | 'operator';
  counsellorId: string | null;
}

/** undefined while loading, null when logged out. */
export const user = signal<StaffUser | null | undefined>(undefined);

interface AuthAnswer {
  user: StaffUser;
  csrfToken: string;
}

function accept(a: AuthAnswer): void {
  csrfToken.value = a.csrfToken;
  sessionExpired.value = false;
  user.value = a.user;
}

export async function loadSession(): Promise<void> {
  try {
    accept(await call<AuthAnswer>('GET', '/api/auth/me'));
  } catch {
    user.value = null;
  }
}

export async function login(email: string, password: string): Promise<void> {
  accept(await call<AuthAnswer>('POST', '/api/auth/login', { email, password }));
}

export async function logout(): Promise<void> {
  try {
    await call('POST', '/api/auth/logout');
  } finally {
    csrfToken.value = '';
    user.value = null;
  }
}
