// POST /api/probe/ice: TURN credentials for the booking page's connection check, which has no join code yet.
// Public, so counted per client in the shared limiter; the credentials live 60 s and the relay reaches only the SFU.
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { hitClientLimit, ICE_PROBES } from '../http/limits.ts';
import { iceCheckServers } from './ice-check-servers.ts';

export const probeIceRoutes = new Hono<AppEnv>().post('/api/probe/ice', async (c) => {
  await hitClientLimit(c, ICE_PROBES);
  c.header('cache-control', 'no-store');
  return c.json(await iceCheckServers(c.get('config'), c.get('clock').now()));
});
