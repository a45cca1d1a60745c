// Request-scoped middleware: request ids, dependency injection, security headers, JSON access logs.
import type { MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from './context.ts';

/** A proxy's X-Request-Id is kept when Hono's request-id accepts it ([A-Za-z0-9_=-]) and it fits this length. */
const REQUEST_ID_MAX = 64;

/** Hono's request-id: the caller's (a proxy's) id when sane, else a new UUID; echoed as X-Request-Id. */
export function assignRequestId(): MiddlewareHandler<AppEnv> {
  return requestId({ limitLength: REQUEST_ID_MAX }) as MiddlewareHandler<AppEnv>;
}

/**
 * The same rule for the few answers workerd's stateless worker gives before the app runs (misconfiguration,
 * edge-cache hits), so a proxy sees one format whichever process answered.
 */
export function requestIdOf(incoming: string | null | undefined): string {
  return incoming && incoming.length <= REQUEST_ID_MAX && /^[\w=-]+$/.test(incoming)
    ? incoming
    : crypto.randomUUID();
}

export function injectDeps(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async function injectDepsMiddleware(c, next) {
    c.set('deps', deps);
    c.set('db', deps.db);
    c.set('config', deps.config);
    c.set('clock', deps.clock);
    c.set('video', deps.video);
    c.set('sms', deps.sms);
    c.set('limits', deps.limits);
    c.set('log', deps.log);
    await next();
    // Hono's request-id sets its header before the handler; a Response built by hand (problem answers,
    // assets) does not carry it, so the final response gets it again.
    c.header('x-request-id', c.get('requestId'));
  };
}

/**
 * Hono's secure-headers with this product's policy: only this origin and the video server, no framing,
 * camera and microphone for this origin alone; HSTS only when the public URL is https.
 */
export function securityHeaders(deps: Pick<AppDeps, 'config' | 'video'>): MiddlewareHandler<AppEnv> {
  const videoOrigins = videoConnectOrigins(deps.video.publicUrl);
  return secureHeaders({
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginOpenerPolicy: 'same-origin',
    strictTransportSecurity: deps.config.PUBLIC_BASE_URL.startsWith('https:')
      ? 'max-age=31536000; includeSubDomains'
      : false,
    permissionsPolicy: {
      camera: ['self'],
      microphone: ['self'],
      displayCapture: ['self'],
      geolocation: [],
      payment: [],
    },
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      mediaSrc: ["'self'", 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", ...videoOrigins],
      workerSrc: ["'self'", 'blob:'],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
    },
  });
}

function videoConnectOrigins(url: string): string[] {
  if (!url) return [];
  try {
    const u = new URL(url);
    const ws = u.protocol === 'https:' || u.protocol === 'wss:' ? 'wss:' : 'ws:';
    const http = ws === 'wss:' ? 'https:' : 'http:';
    return [`${ws}//${u.host}`, `${http}//${u.host}`];
  } catch {
    return [];
  }
}

export function accessLog(): MiddlewareHandler<AppEnv> {
  return async function accessLogMiddleware(c, next) {
    const started = performance.now();
    await next();
    const path = new URL(c.req.url).pathname;
    // Codes and tokens in paths are secrets: log only the route shape.
    const safePath = path
      .replace(/^\/(j|m)\/[^/]+/, '/$1/:secret')
      .replace(/\/manage\/[^/]+/, '/manage/:token');
    const ms = Math.round((performance.now() - started) * 10) / 10;
    // Successful fast requests are the reverse proxy's to log; errors and slow requests are ours.
    if (c.res.status < 400 && ms < 1000 && c.get('config').LOG_LEVEL !== 'debug') return;
    c.get('log')[c.res.status >= 500 ? 'error' : 'info']('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: safePath,
      status: c.res.status,
      ms,
    });
  };
}

/** Staff, operator, login and citizen-secret responses: personal data or secrets, never kept by a browser or proxy cache. */
const NO_STORE_PREFIXES = [
  '/api/staff',
  '/api/admin',
  '/api/auth',
  '/api/bookings/manage',
  '/api/join',
  '/api/survey',
];

export function noStoreForPrivate(): MiddlewareHandler<AppEnv> {
  return async function noStoreMiddleware(c, next) {
    await next();
    const path = c.req.path;
    if (NO_STORE_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) {
      // An ETag stays: the dashboard's poll sends If-None-Match itself, which needs no browser cache.
      c.header('cache-control', 'no-store');
    }
  };
}
