// Liveness (`/healthz`), readiness (`/readyz`: database, video server and SMS gateway by name; 503 only without
// the database), and the upload probe of the connection check (`POST /api/probe`: counts the bytes, keeps nothing).
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { checkReadiness, type DependencyCheck } from './checks.ts';

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
    const readiness = await checkReadiness(c.get('deps'));
    // Public: states by name only; the details are on the operator console.
    const states = Object.fromEntries(readiness.checks.map((ch) => [ch.name, ch.status]));
    c.header('cache-control', 'no-store');
    if (readiness.status === 'unavailable') {
      const db = readiness.checks.find((ch) => ch.name === 'database') as DependencyCheck;
      throw new AppError('database_unavailable', {
        detail:
          db.status === 'not_migrated' ? 'The database is not migrated yet.' : 'The database is unavailable.',
        retryAfterSeconds: 5,
        extra: { checks: states },
      });
    }
    return c.json({ status: readiness.status, ...states });
  });
