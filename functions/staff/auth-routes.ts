// Staff login, logout and "who am I"; login attempts are rate-limited and lock an account briefly.
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { writeAudit } from '../audit/audit.ts';
import { generateSecret, hashSecret } from '../bookings/secrets.ts';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { requireStaff } from './middleware.ts';
import { verifyPassword } from './password.ts';
import {
  deleteSession,
  findStaffByEmail,
  insertSession,
  recordLoginFailure,
  recordLoginSuccess,
} from './repository.ts';
import { LoginSchema } from './schemas.ts';
import { cookieIsSecure, SESSION_COOKIE, SESSION_IDLE_MINUTES, sessionExpiry } from './session.ts';

const LOCK_AFTER_FAILURES = 10;
const LOCK_MINUTES = 15;

export const authRoutes = new Hono<AppEnv>()
  .post('/api/auth/login', validate('json', LoginSchema), async (c) => {
    const { email, password } = c.req.valid('json');
    const now = c.get('clock').now();
    const limited = c.get('rateLimiter').hit(`login:${email}`, 10, 60_000, now.getTime());
    if (!limited.ok) throw new AppError('rate_limited', { retryAfterSeconds: limited.retryAfterSeconds });
    const db = c.get('db');
    const user = await findStaffByEmail(db, email);
    const locked = user?.locked_until && new Date(user.locked_until) > now;
    const valid = user?.active && !locked ? await verifyPassword(password, user.password_hash) : false;
    if (!user || !valid) {
      if (user && !locked) {
        const lock =
          user.failed_logins + 1 >= LOCK_AFTER_FAILURES
            ? new Date(now.getTime() + LOCK_MINUTES * 60_000)
            : null;
        await recordLoginFailure(db, user.id, lock);
      }
      throw new AppError('unauthorized', {
        detail: 'E-mail or password is wrong, or the account is locked.',
      });
    }
    await recordLoginSuccess(db, user.id);
    const token = generateSecret(32);
    const csrfToken = generateSecret(24);
    await insertSession(db, {
      tokenHash: await hashSecret(token),
      userId: user.id,
      csrfToken,
      expiresAt: sessionExpiry(now),
    });
    await writeAudit(db, {
      actorType: 'staff',
      actorId: user.id,
      action: 'login',
      entityType: 'staff_user',
      entityId: user.id,
      requestId: c.get('requestId'),
    });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      secure: cookieIsSecure(c.get('config').PUBLIC_BASE_URL),
      sameSite: 'Strict',
      path: '/',
      maxAge: SESSION_IDLE_MINUTES * 60,
    });
    c.header('cache-control', 'no-store');
    return c.json({
      user: {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        role: user.role,
        counsellorId: user.counsellor_id,
      },
      csrfToken,
    });
  })
  .get('/api/auth/me', requireStaff(), (c) => {
    const a = c.get('actor')!;
    c.header('cache-control', 'no-store');
    return c.json({
      user: {
        id: a.userId,
        email: a.email,
        displayName: a.displayName,
        role: a.role,
        counsellorId: a.counsellorId,
      },
      csrfToken: a.csrfToken,
    });
  })
  .post('/api/auth/logout', requireStaff(), async (c) => {
    const a = c.get('actor')!;
    await deleteSession(c.get('db'), a.sessionHash);
    await writeAudit(c.get('db'), {
      actorType: 'staff',
      actorId: a.userId,
      action: 'logout',
      entityType: 'staff_user',
      entityId: a.userId,
      requestId: c.get('requestId'),
    });
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: cookieIsSecure(c.get('config').PUBLIC_BASE_URL) });
    return c.json({ status: 'logged_out' });
  });
