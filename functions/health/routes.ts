// Liveness (`/healthz`), readiness (`/readyz`: database reachable and migrated), and the upload probe of the
// connection check (`POST /api/probe`: counts the bytes and throws them away).
import { Hono } from 'hono';
import { isMigrated } from '../db/migrator.ts';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';

/** Liveness alone: what workerd's stateless worker answers without the database. */
export const livenessRoutes = new Hono<AppEnv>().get('/healthz', (c) =>
  c.json({ status: 'ok' }, 200, { 'cache-control': 'no-store' }),
);

export const healthRoutes = new Hono<AppEnv>()
  .route('/', livenessRoutes)
  // Camera and microphone go upstream, where rural and mobile lines are slowest, so the check times an upload;
  // the /api body limit (64 KiB) bounds it. Nothing is stored and no database is touched.
  .post('/api/probe', async (c) => {
    const bytes = (await c.req.arrayBuffer()).byteLength;
    return c.json({ bytes }, 200, { 'cache-control': 'no-store' });
  })
  .get('/readyz', async (c) => {
    const migrated = await isMigrated(c.get('db'));
    if (!migrated) {
      throw new AppError('database_unavailable', {
        detail: 'The database is not migrated yet.',
        retryAfterSeconds: 5,
      });
    }
    return c.json({ status: 'ok', database: 'ok' }, 200, { 'cache-control': 'no-store' });
  });
