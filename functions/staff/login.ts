// The local password login: per-(client, account) and per-client backoff in the shared limiter, one password
// hash computation whether or not the account exists, TOTP, and the break-glass switch.
import type { Context } from 'hono';
import type { SessionPending } from '../db/database.ts';
import { clientAddress } from '../http/client-address.ts';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { clientHash, clientKey } from '../platform/client-keys.ts';
import { ACCOUNT_POLICY, CLIENT_POLICY } from './login-backoff.ts';
import { readLocalLoginMode } from './login-settings.ts';
import { verifyPassword } from './password.ts';
import { claimTotpStep, findStaffByEmail, type StaffRecord } from './repository.ts';
import { auditSecurityEvent, clientHashOf } from './security-audit.ts';
import { verifyTotp } from './totp.ts';

/**
 * Stands in for the hash of an unknown (or password-less) account, at the production iteration count,
 * so every login costs one PBKDF2 computation and its timing does not tell whether the account exists.
 */
const DUMMY_HASH = `pbkdf2-sha256$600000$${'A'.repeat(22)}==$${'A'.repeat(43)}=`;

export interface LoginInput {
  email: string;
  password: string;
  totp?: string | undefined;
}

export interface LoginKeys {
  /** For audit rows: the client and the account, each as the day's HMAC. */
  clientHash: string;
  accountHash: string;
  /** Limiter keys: this client on this account, and this client on any account. */
  account: string;
  client: string;
  /** Yesterday's keys for the same pair, so a block does not end when the day key changes at midnight. */
  earlier: string[];
}

const DAY_MS = 86_400_000;

async function limiterKeys<E extends AppEnv>(
  c: Context<E>,
  email: string,
  at: Date,
): Promise<[string, string]> {
  const db = c.get('db');
  const address = clientAddress(c);
  return Promise.all([
    clientKey(db, 'login-account', `${address}\n${email}`, at),
    clientKey(db, 'login-client', address, at),
  ]);
}

export async function loginKeys<E extends AppEnv>(c: Context<E>, email: string): Promise<LoginKeys> {
  const now = c.get('clock').now();
  const [[account, client], earlier, hash, accountHash] = await Promise.all([
    limiterKeys(c, email, now),
    limiterKeys(c, email, new Date(now.getTime() - DAY_MS)),
    clientHashOf(c, now),
    clientHash(c.get('db'), 'account', email, now),
  ]);
  return { clientHash: hash, accountHash, account, client, earlier };
}

/** Refuses (429, audited) a client that is still blocked for this account or as a whole. */
export async function refuseIfBlocked<E extends AppEnv>(
  c: Context<E>,
  keys: LoginKeys,
  now: Date,
): Promise<void> {
  const wait = await c.get('limits').blockedFor([keys.account, keys.client, ...keys.earlier], now);
  if (wait === 0) return;
  await auditSecurityEvent(
    c,
    { action: 'login_blocked', detail: { retryAfterSeconds: wait } },
    keys.clientHash,
  );
  throw new AppError('rate_limited', {
    retryAfterSeconds: wait,
    detail: 'Too many failed logins from this device. Please wait and try again.',
  });
}

/** Counts a failure for the client on this account and overall, audits it, and answers 401. */
export async function failLogin<E extends AppEnv>(
  c: Context<E>,
  keys: LoginKeys,
  now: Date,
  reason: string,
  userId: string | null,
  code: 'unauthorized' | 'totp_required' = 'unauthorized',
): Promise<never> {
  const [account] = await c.get('limits').fail(
    [
      { key: keys.account, policy: ACCOUNT_POLICY },
      { key: keys.client, policy: CLIENT_POLICY },
    ],
    now,
  );
  await auditSecurityEvent(
    c,
    {
      action: 'login_failed',
      entityId: userId,
      detail: { reason, accountHash: keys.accountHash, blocked: Boolean(account?.blockedUntil) },
    },
    keys.clientHash,
  );
  throw new AppError(code, {
    detail:
      code === 'totp_required'
        ? 'The one-time code is wrong or was used already.'
        : 'E-mail or password is wrong.',
  });
}

/** What the new session must do first: change a one-time password, or enrol TOTP (operators). */
export function pendingStep(user: StaffRecord, operatorTotpRequired: boolean): SessionPending | null {
  if (user.must_change_password) return 'password_change';
  if (user.role === 'operator' && operatorTotpRequired && !user.totp_enabled) return 'totp_setup';
  return null;
}

/** Checks a password login; returns the account or throws a problem (401, 403, 429), audited. */
export async function checkPasswordLogin<E extends AppEnv>(
  c: Context<E>,
  input: LoginInput,
  keys: LoginKeys,
  now: Date,
): Promise<StaffRecord> {
  const db = c.get('db');
  await refuseIfBlocked(c, keys, now);
  const user = await findStaffByEmail(db, input.email);
  const usable = user?.active && user.password_hash ? user : null;
  const valid = await verifyPassword(input.password, usable?.password_hash ?? DUMMY_HASH);
  if (!usable || !valid)
    return failLogin(c, keys, now, user ? 'wrong_password' : 'unknown_account', user?.id ?? null);
  const mode = await readLocalLoginMode(db, c.get('config'));
  // Break-glass: with local passwords switched off only operators holding a second factor get in.
  if (mode === 'off' || (mode === 'break_glass' && !(usable.role === 'operator' && usable.totp_enabled))) {
    await auditSecurityEvent(
      c,
      { action: 'login_refused', entityId: usable.id, detail: { reason: 'local_login_disabled' } },
      keys.clientHash,
    );
    throw new AppError('local_login_disabled', {
      detail: 'Local passwords are switched off. Log in with single sign-on.',
    });
  }
  if (usable.totp_enabled && usable.totp_secret) {
    if (!input.totp) throw new AppError('totp_required');
    const lastStep = usable.totp_last_step === null ? null : Number(usable.totp_last_step);
    const step = verifyTotp(usable.totp_secret, input.totp, now, lastStep);
    if (step === null || !(await claimTotpStep(db, usable.id, step)))
      return failLogin(c, keys, now, 'wrong_totp', usable.id, 'totp_required');
  }
  await c.get('limits').forgive(keys.account);
  return usable;
}
