// GET/PUT /api/admin/login-settings: an operator switches local passwords to break-glass (operators
// with a second factor only) once single sign-on works, or back on.
import { Hono } from 'hono';
import { auditStaff } from '../audit/audit.ts';
import type { StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { oidcConfigured, readLocalLoginMode, writeLocalLoginMode } from './login-settings.ts';
import { LocalLoginSchema } from './schemas.ts';

export const loginSettingsRoutes = new Hono<StaffEnv>()
  .get('/login-settings', async (c) => {
    const config = c.get('config');
    c.header('cache-control', 'no-store');
    return c.json({
      localLogin: await readLocalLoginMode(c.get('db'), config),
      ssoConfigured: oidcConfigured(config),
      operatorTotp: config.OPERATOR_TOTP,
    });
  })
  .put('/login-settings', validate('json', LocalLoginSchema), async (c) => {
    const config = c.get('config');
    const { localLogin } = c.req.valid('json');
    if (config.LOCAL_LOGIN === 'off')
      throw new AppError('conflict', {
        detail: 'LOCAL_LOGIN=off in the environment switches local passwords off.',
      });
    if (localLogin === 'break_glass' && !oidcConfigured(config))
      throw new AppError('conflict', {
        detail: 'Set up single sign-on (OIDC_ISSUER …) before switching local passwords off.',
      });
    const db = c.get('db');
    await writeLocalLoginMode(db, localLogin, c.get('clock').now());
    await auditStaff(c, 'login_settings_changed', {
      entityType: 'settings',
      entityId: 'local_login',
      detail: { localLogin },
      db,
    });
    return c.json({ localLogin: await readLocalLoginMode(db, config) });
  });
