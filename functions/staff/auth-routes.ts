// Staff login, logout and "who am I"; failed logins back off per client and are audited.
import { Hono } from 'hono';
import { deleteCookie } from 'hono/cookie';
import { auditStaff } from '../audit/audit.ts';
import type { AppEnv } from '../http/context.ts';
import { validate } from '../http/validation.ts';
import { checkPasswordLogin, loginKeys, pendingStep } from './login.ts';
import { requireStaff } from './middleware.ts';
import { oidcLogoutUrl } from './oidc-client.ts';
import { LoginSchema } from './schemas.ts';
import { cookieIsSecure, sessionCookieName } from './session.ts';
import { deleteSession } from './session-repository.ts';
import { startSession } from './start-session.ts';
import { userJson } from './user-json.ts';

export const authRoutes = new Hono<AppEnv>()
  .post('/api/auth/login', validate('json', LoginSchema), async (c) => {
    const input = c.req.valid('json');
    const now = c.get('clock').now();
    const keys = await loginKeys(c, input.email);
    const user = await checkPasswordLogin(c, input, keys, now);
    const pending = pendingStep(user, c.get('config').OPERATOR_TOTP === 'required');
    const csrfToken = await startSession(c, {
      userId: user.id,
      method: 'password',
      pending,
      clientHash: keys.clientHash,
    });
    c.header('cache-control', 'no-store');
    return c.json({
      user: userJson({
        userId: user.id,
        email: user.email,
        displayName: user.display_name,
        role: user.role,
        supervisor: user.supervisor,
        counsellorId: user.counsellor_id,
      }),
      csrfToken,
      pending,
      passwordResetAt: user.password_reset_at ? new Date(user.password_reset_at).toISOString() : null,
    });
  })
  .get('/api/auth/me', requireStaff(undefined, { allowPending: true }), (c) => {
    const a = c.get('actor');
    c.header('cache-control', 'no-store');
    return c.json({
      user: userJson(a),
      csrfToken: a.csrfToken,
      pending: a.pending,
      authMethod: a.authMethod,
      passwordResetAt: a.passwordResetAt?.toISOString() ?? null,
    });
  })
  .post('/api/auth/logout', requireStaff(undefined, { allowPending: true }), async (c) => {
    const a = c.get('actor');
    const db = c.get('db');
    const ended = await deleteSession(db, a.sessionHash);
    await auditStaff(c, 'logout', { entityType: 'staff_user', entityId: a.userId, db });
    const base = c.get('config').PUBLIC_BASE_URL;
    deleteCookie(c, sessionCookieName(base), { path: '/', secure: cookieIsSecure(base) });
    // A single sign-on session also ends at the provider: the page navigates to its logout address.
    const logoutUrl =
      ended?.auth_method === 'oidc' ? await oidcLogoutUrl(c.get('deps'), ended.id_token, base) : null;
    return c.json({ status: 'logged_out', ...(logoutUrl ? { logoutUrl } : {}) });
  });
