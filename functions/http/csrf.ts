// Hono's csrf in front of the cookie-authenticated API: a browser's cross-site form or beacon never reaches it.
import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './context.ts';
import { AppError } from './problem.ts';

/**
 * Allowed: this system's public origin (PUBLIC_BASE_URL, as the browser sees it behind the proxy) and the
 * request's own origin (a direct connection), or a browser's `Sec-Fetch-Site: same-origin`. The session's
 * CSRF token (requireStaff, `X-CSRF-Token`) stays the check for every write after login; this adds the
 * origin check Hono ships for what the token cannot cover (the login itself, and anything a form can send).
 * A request with neither Origin nor Sec-Fetch-Site comes from no browser (scripts, tests, the identity
 * provider's back channel), so no other site can have made it and it passes to the token check.
 */
export function sameOriginOnly(publicBaseUrl: string): MiddlewareHandler<AppEnv> {
  const publicOrigin = new URL(publicBaseUrl).origin;
  const check = csrf({
    origin: (origin, c) => origin === publicOrigin || origin === new URL(c.req.url).origin,
    secFetchSite: 'same-origin',
  });
  return async function sameOriginOnlyMiddleware(c, next) {
    if (!c.req.header('origin') && !c.req.header('sec-fetch-site')) return next();
    let passed = false;
    try {
      await check(c, () => {
        passed = true;
        return next();
      });
    } catch (error) {
      if (!passed && error instanceof HTTPException && error.status === 403)
        throw new AppError('csrf_failed', { detail: 'This request did not come from this site.' });
      throw error;
    }
  };
}
