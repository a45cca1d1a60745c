// Assembles the Hono app from feature routers; every entry point (workerd, Deno, tests) calls createApp.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { bookingProblem } from '../bookings/http-errors.ts';
import { isDatabaseUnavailable } from '../db/errors.ts';
import { healthRoutes, livenessRoutes } from '../health/routes.ts';
import type { AppDeps, AppEnv } from '../http/context.ts';
import { sameOriginOnly } from '../http/csrf.ts';
import { detectLanguage } from '../http/language.ts';
import {
  accessLog,
  assignRequestId,
  injectDeps,
  noStoreForPrivate,
  securityHeaders,
} from '../http/middleware.ts';
import { AppError, problemResponse } from '../http/problem.ts';
import { countJoinOutcomes, requestMetrics } from '../metrics/middleware.ts';
import { metricsRoutes } from '../metrics/routes.ts';
import { videoProblem } from '../rooms/http-errors.ts';
import { staffProblem } from '../staff/http-errors.ts';
import { auditDenial } from '../staff/security-audit.ts';
import { webRoutes } from '../web/routes.ts';
import { mountFeatures } from './routes.ts';

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = withCommonMiddleware(new Hono<AppEnv>(), deps);
  // No request of this API needs more; larger bodies are refused before anything parses them.
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: 64 * 1024,
      onError: () => {
        throw new AppError('payload_too_large');
      },
    }),
  );
  // The cookie-authenticated surfaces: login and session routes, every staff and operator route.
  for (const path of ['/api/auth/*', '/api/staff/*', '/api/admin/*'])
    app.use(path, sameOriginOnly(deps.config.PUBLIC_BASE_URL));
  app.post('/api/join', countJoinOutcomes('citizen'));
  app.post('/api/staff/bookings/:id/join', countJoinOutcomes('counsellor'));
  app.route('/', healthRoutes);
  app.route('/', metricsRoutes);
  mountFeatures(app);
  return withErrorHandlers(app, deps);
}

/**
 * The part of the app that needs no database (liveness, pages, built assets), for workerd's stateless
 * worker: with the same headers and errors, but without the hop to a Durable Object.
 */
export function createEdgeApp(deps: AppDeps): Hono<AppEnv> {
  const app = withCommonMiddleware(new Hono<AppEnv>(), deps);
  app.route('/', livenessRoutes);
  app.route('/', webRoutes);
  return withErrorHandlers(app, deps);
}

function withCommonMiddleware(app: Hono<AppEnv>, deps: AppDeps): Hono<AppEnv> {
  app.use('*', assignRequestId());
  app.use('*', injectDeps(deps));
  app.use('*', detectLanguage());
  app.use('*', requestMetrics());
  app.use('*', accessLog());
  app.use('*', securityHeaders(deps));
  app.use('/api/*', noStoreForPrivate());
  return app;
}

function withErrorHandlers(app: Hono<AppEnv>, deps: AppDeps): Hono<AppEnv> {
  app.notFound((c) => problemResponse(new AppError('not_found'), c.get('requestId') ?? 'unknown'));
  app.onError(async (err, c) => {
    const error = toAppError(err, deps, c.get('requestId'));
    // Later middleware (the join counters) reads the answer's code from c.error.
    c.error = error;
    if (error.status === 403) await auditDenial(c, error);
    return problemResponse(error, c.get('requestId') ?? 'unknown');
  });
  return app;
}

/** Each feature's mapping of its domain errors to problems (functions/<feature>/http-errors.ts). */
const DOMAIN_PROBLEMS: ((error: unknown) => AppError | undefined)[] = [
  bookingProblem,
  videoProblem,
  staffProblem,
];

/** Maps anything thrown to an AppError; unknown errors are logged and become a bare 500. */
export function toAppError(err: unknown, deps: AppDeps, requestId: string | undefined): AppError {
  if (err instanceof AppError) return err;
  for (const problem of DOMAIN_PROBLEMS) {
    const mapped = problem(err);
    if (mapped) return mapped;
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) return new AppError('payload_too_large');
    if (status === 415) return new AppError('unsupported_media_type');
    if (status === 401) return new AppError('unauthorized');
    if (status === 403) return new AppError('forbidden');
    if (status === 404) return new AppError('not_found');
    if (status < 500) return new AppError('invalid_request', { detail: err.message || 'Invalid request' });
  }
  if (isDatabaseUnavailable(err)) {
    deps.log.warn('database unavailable', { requestId, error: String((err as Error)?.message ?? err) });
    return new AppError('database_unavailable', {
      retryAfterSeconds: 5,
      detail: 'The database is unavailable. Please try again shortly.',
    });
  }
  deps.log.error('unhandled error', { requestId, error: String((err as Error)?.stack ?? err) });
  return new AppError('internal_error', { detail: 'Internal error' });
}
