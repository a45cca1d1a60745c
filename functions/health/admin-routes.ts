// GET /api/admin/system-status (operator role): the readiness probes with the details operators act on.
import { Hono } from 'hono';
import type { StaffEnv } from '../http/context.ts';
import { checkReadiness } from './checks.ts';

export const systemStatusRoutes = new Hono<StaffEnv>().get('/system-status', async (c) => {
  const readiness = await checkReadiness(c.get('deps'));
  c.header('cache-control', 'no-store');
  return c.json({ ...readiness, checkedAt: c.get('clock').now().toISOString() });
});
