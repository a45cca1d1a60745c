// GET /metrics in the Prometheus text format; without the internal bearer token it is the same 404 as any unknown path.
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { bearerMatches } from '../http/internal-token.ts';
import { AppError } from '../http/problem.ts';
import { CONTENT_TYPE, renderMetrics } from '../platform/exposition.ts';
import { collectMetrics } from './collect.ts';

export const metricsRoutes = new Hono<AppEnv>().get('/metrics', async (c) => {
  if (!(await bearerMatches(c.req.header('authorization'), c.get('config').INTERNAL_TOKEN)))
    throw new AppError('not_found');
  const families = await collectMetrics(c.get('deps'), c.get('clock').now());
  return c.body(renderMetrics(families), 200, { 'content-type': CONTENT_TYPE, 'cache-control': 'no-store' });
});
