// GET /api/openapi.json: the API description for outside clients.
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { openApiDocument } from './document.ts';

export const openApiRoutes = new Hono<AppEnv>().get('/api/openapi.json', (c) => {
  c.header('cache-control', 'public, max-age=300');
  return c.json(openApiDocument(c.get('config').PUBLIC_BASE_URL));
});
