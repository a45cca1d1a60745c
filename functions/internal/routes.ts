// POST /internal/tick for the scheduler (npm start, a systemd timer); unknown to anyone without the internal token.
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { bearerMatches } from '../http/internal-token.ts';
import { AppError } from '../http/problem.ts';
import { runTick } from './tick.ts';

export const internalRoutes = new Hono<AppEnv>().post('/internal/tick', async (c) => {
  // A missing or wrong token gets the same 404 as any unknown path.
  if (!(await bearerMatches(c.req.header('authorization'), c.get('config').INTERNAL_TOKEN)))
    throw new AppError('not_found');
  const result = await runTick(c.get('deps'), c.get('clock').now());
  c.header('cache-control', 'no-store');
  return c.json(result);
});
