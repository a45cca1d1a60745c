// requireStaff: the session cookie names an active staff user; state-changing requests carry the CSRF token.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { hashSecret, looksLikeSecret } from '../bookings/secrets.ts';
import type { StaffRole } from '../db/database.ts';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { findSession, touchSession } from './repository.ts';
import { SESSION_COOKIE, SESSION_TOUCH_AFTER_MINUTES, sessionExpiry } from './session.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Requires a logged-in staff user; `roles` limits who may pass (an operator passes counsellor checks too if listed). */
export function requireStaff(roles?: StaffRole[]): MiddlewareHandler<AppEnv> {
  return async function requireStaffMiddleware(c, next) {
    const token = getCookie(c, SESSION_COOKIE);
    if (!token || !looksLikeSecret(token)) throw new AppError('unauthorized');
    const now = c.get('clock').now();
    const tokenHash = await hashSecret(token);
    const session = await findSession(c.get('db'), tokenHash, now);
    if (!session)
      throw new AppError('unauthorized', { detail: 'Your session has expired. Please log in again.' });
    if (!SAFE_METHODS.has(c.req.method) && c.req.header('x-csrf-token') !== session.csrf_token) {
      throw new AppError('csrf_failed');
    }
    if (roles && !roles.includes(session.role)) throw new AppError('forbidden');
    if (now.getTime() - new Date(session.last_seen_at).getTime() > SESSION_TOUCH_AFTER_MINUTES * 60_000) {
      await touchSession(c.get('db'), tokenHash, now, sessionExpiry(now));
    }
    c.set('actor', {
      userId: session.user_id,
      role: session.role,
      email: session.email,
      displayName: session.display_name,
      counsellorId: session.counsellor_id,
      csrfToken: session.csrf_token,
      sessionHash: tokenHash,
    });
    await next();
  };
}
