// Middleware feeding GET /metrics: request counts and latency per route group, and join outcomes into PostgreSQL.
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { countJoinOutcome } from './repository.ts';
import { routeGroup } from './route-group.ts';

export function requestMetrics(): MiddlewareHandler<AppEnv> {
  return async function requestMetricsMiddleware(c, next) {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    // Unknown methods would open new series; they are few and all land in "other".
    const method = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(c.req.method) ? c.req.method : 'OTHER';
    c.get('deps').requestMetrics.observe(routeGroup(routePath(c)), method, c.res.status, seconds);
  };
}

/** Counts each answered join request by outcome: `ok` or the problem code; a failure to count never changes the answer. */
export function countJoinOutcomes(audience: 'citizen' | 'counsellor'): MiddlewareHandler<AppEnv> {
  return async function countJoinOutcomesMiddleware(c, next) {
    await next();
    const outcome =
      c.res.status < 400 ? 'ok' : c.error instanceof AppError ? c.error.code : `http_${c.res.status}`;
    // The database being down is already counted by dependency_up; no second failure on top.
    if (outcome === 'database_unavailable') return;
    await countJoinOutcome(c.get('db'), audience, outcome).catch((e: unknown) =>
      c.get('log').warn('metrics: join outcome not counted', { error: String((e as Error)?.message ?? e) }),
    );
  };
}
