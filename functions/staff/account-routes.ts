// Self-service for a logged-in staff member: change password, enrol TOTP, list and end own sessions.
import { type Context, Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { auditStaff } from '../audit/audit.ts';
import type { AppEnv, StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { isUuid } from '../http/schemas.ts';
import { validate } from '../http/validation.ts';
import { failLogin, loginKeys, refuseIfBlocked } from './login.ts';
import { requireStaff } from './middleware.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { checkPassword } from './password-policy.ts';
import { claimTotpStep, findStaffById, storePendingTotp, updatePassword } from './repository.ts';
import { PasswordChangeSchema, TotpConfirmSchema } from './schemas.ts';
import { cookieIsSecure, sessionCookieName } from './session.ts';
import {
  deleteSessionById,
  deleteSessionsOfUser,
  listSessions,
  setSessionPending,
} from './session-repository.ts';
import { newTotpSecret, totpUri, verifyTotp } from './totp.ts';

const WEAK_DETAIL = {
  too_short: 'The new password must have at least 10 characters.',
  common: 'The new password is too common or too easy to guess.',
  contains_email: 'The new password must not contain your e-mail name.',
} as const;

const pendingOk = requireStaff(undefined, { allowPending: true });

async function audit(c: Context<StaffEnv>, action: string, detail: Record<string, unknown> = {}) {
  await auditStaff(c, action, { entityType: 'staff_user', entityId: c.get('actor').userId, detail });
}

export const accountRoutes = new Hono<AppEnv>()
  .post('/api/auth/password', pendingOk, validate('json', PasswordChangeSchema), async (c) => {
    const a = c.get('actor');
    const db = c.get('db');
    const now = c.get('clock').now();
    const body = c.req.valid('json');
    const user = await findStaffById(db, a.userId);
    if (!user?.password_hash)
      throw new AppError('conflict', { detail: 'This account logs in with single sign-on only.' });
    // A stolen session must not become a password-guessing oracle: the same backoff as the login.
    const keys = await loginKeys(c, user.email);
    await refuseIfBlocked(c, keys, now);
    if (!(await verifyPassword(body.currentPassword, user.password_hash)))
      return failLogin(c, keys, now, 'wrong_current_password', user.id);
    const verdict = checkPassword(body.newPassword, user.email);
    if (!verdict.ok)
      throw new AppError('weak_password', {
        detail: WEAK_DETAIL[verdict.reason],
        errors: [{ path: 'newPassword', message: WEAK_DETAIL[verdict.reason] }],
        extra: { reason: verdict.reason },
      });
    if (body.newPassword === body.currentPassword)
      throw new AppError('weak_password', {
        detail: 'The new password must differ from the current one.',
        errors: [{ path: 'newPassword', message: 'must differ from the current password' }],
        extra: { reason: 'unchanged' },
      });
    const hash = await hashPassword(body.newPassword);
    const pending =
      user.role === 'operator' && c.get('config').OPERATOR_TOTP === 'required' && !user.totp_enabled
        ? 'totp_setup'
        : null;
    const ended = await db.transaction().execute(async (trx) => {
      await updatePassword(trx, user.id, hash, now, false);
      await setSessionPending(trx, a.sessionHash, pending);
      return deleteSessionsOfUser(trx, user.id, a.sessionHash);
    });
    await audit(c, 'password_changed', { otherSessionsEnded: ended });
    return c.json({ status: 'changed', pending, otherSessionsEnded: ended });
  })
  .post('/api/auth/totp/setup', pendingOk, async (c) => {
    const a = c.get('actor');
    const user = await findStaffById(c.get('db'), a.userId);
    if (!user) throw new AppError('unauthorized');
    if (user.totp_enabled)
      throw new AppError('conflict', { detail: 'An authenticator app is set up already.' });
    const secret = newTotpSecret();
    await storePendingTotp(c.get('db'), a.userId, secret);
    c.header('cache-control', 'no-store');
    return c.json({ secret, uri: totpUri(secret, user.email) });
  })
  .post('/api/auth/totp/confirm', pendingOk, validate('json', TotpConfirmSchema), async (c) => {
    const a = c.get('actor');
    const db = c.get('db');
    const now = c.get('clock').now();
    const user = await findStaffById(db, a.userId);
    if (!user?.totp_secret || user.totp_enabled)
      throw new AppError('conflict', { detail: 'Start the set-up first.' });
    const step = verifyTotp(user.totp_secret, c.req.valid('json').code, now, null);
    if (step === null || !(await claimTotpStep(db, user.id, step, true)))
      throw new AppError('validation_failed', {
        detail: 'The code does not match. Check the time on your phone and try the next code.',
        errors: [{ path: 'code', message: 'does not match' }],
      });
    const ended = await db.transaction().execute(async (trx) => {
      if (a.pending === 'totp_setup') await setSessionPending(trx, a.sessionHash, null);
      return deleteSessionsOfUser(trx, user.id, a.sessionHash);
    });
    await audit(c, 'totp_enabled', { otherSessionsEnded: ended });
    return c.json({ status: 'enabled', pending: a.pending === 'totp_setup' ? null : a.pending });
  })
  .get('/api/auth/sessions', pendingOk, async (c) => {
    const a = c.get('actor');
    const rows = await listSessions(c.get('db'), a.userId, c.get('clock').now());
    c.header('cache-control', 'no-store');
    return c.json({
      sessions: rows.map((r) => ({
        id: r.id,
        current: r.id === a.sessionId,
        method: r.auth_method,
        userAgent: r.user_agent,
        createdAt: new Date(r.created_at).toISOString(),
        lastSeenAt: new Date(r.last_seen_at).toISOString(),
        expiresAt: new Date(
          Math.min(new Date(r.expires_at).getTime(), new Date(r.absolute_expires_at).getTime()),
        ).toISOString(),
      })),
    });
  })
  .delete('/api/auth/sessions/:id', pendingOk, async (c) => {
    const a = c.get('actor');
    const id = c.req.param('id');
    if (!isUuid(id) || !(await deleteSessionById(c.get('db'), a.userId, id))) throw new AppError('not_found');
    await audit(c, 'session_ended', { sessionId: id });
    return c.json({ status: 'ended' });
  })
  .post('/api/auth/logout-everywhere', pendingOk, async (c) => {
    const a = c.get('actor');
    const ended = await deleteSessionsOfUser(c.get('db'), a.userId, null);
    await audit(c, 'logout_everywhere', { sessionsEnded: ended });
    const base = c.get('config').PUBLIC_BASE_URL;
    deleteCookie(c, sessionCookieName(base), { path: '/', secure: cookieIsSecure(base) });
    return c.json({ status: 'logged_out', sessionsEnded: ended });
  });
