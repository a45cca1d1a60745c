// requireStaff: the session cookie names an active staff user within the session's idle and absolute
// ends; state-changing requests carry the CSRF token; a session with a pending step may only finish it.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { StaffRole } from '../db/database.ts';
import type { StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { hashSecret, looksLikeSecret } from '../platform/secrets.ts';
import { idleExpiry, needsTouch, sessionCookieName, sessionLimits } from './session.ts';
import { findSession, touchSession } from './session-repository.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequireStaffOptions {
  /** Let a session through that still has to change its password or enrol TOTP (the auth routes). */
  allowPending?: boolean;
}

/**
 * Requires a logged-in staff user; `roles` limits who may pass. Mounted once per audience (functions/app/
 * routes.ts: every role on /api/staff, operators on /api/admin) and on the session routes of /api/auth.
 */
export function requireStaff(
  roles?: StaffRole[],
  options: RequireStaffOptions = {},
): MiddlewareHandler<StaffEnv> {
  return async function requireStaffMiddleware(c, next) {
    const config = c.get('config');
    const token = getCookie(c, sessionCookieName(config.PUBLIC_BASE_URL));
    if (!token || !looksLikeSecret(token)) throw new AppError('unauthorized');
    const now = c.get('clock').now();
    const tokenHash = await hashSecret(token);
    const session = await findSession(c.get('db'), tokenHash, now);
    if (!session)
      throw new AppError('unauthorized', { detail: 'Your session has expired. Please log in again.' });
    if (!SAFE_METHODS.has(c.req.method) && c.req.header('x-csrf-token') !== session.csrf_token) {
      throw new AppError('csrf_failed');
    }
    c.set('actor', {
      userId: session.user_id,
      role: session.role,
      supervisor: session.supervisor,
      email: session.email,
      displayName: session.display_name,
      counsellorId: session.counsellor_id,
      csrfToken: session.csrf_token,
      sessionHash: tokenHash,
      sessionId: session.session_id,
      authMethod: session.auth_method,
      pending: session.pending,
      passwordResetAt: session.password_reset_at ? new Date(session.password_reset_at) : null,
    });
    if (session.pending && !options.allowPending)
      throw new AppError(
        session.pending === 'password_change' ? 'password_change_required' : 'totp_setup_required',
      );
    if (roles && !roles.includes(session.role)) throw new AppError('forbidden');
    const limits = sessionLimits(config);
    if (needsTouch(now, new Date(session.last_seen_at), limits)) {
      await touchSession(
        c.get('db'),
        tokenHash,
        now,
        idleExpiry(now, new Date(session.absolute_expires_at), limits),
      );
    }
    await next();
  };
}
