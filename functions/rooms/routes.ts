// The rooms feature's public routes: citizen join and waiting room, ICE probe, LiveKit webhooks (staff routes: staff-routes.ts, adhoc-routes.ts).
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { joinRoutes } from './join-routes.ts';
import { probeIceRoutes } from './probe-ice-routes.ts';
import { webhookRoutes } from './webhook-routes.ts';

export const roomRoutes = new Hono<AppEnv>()
  .route('/', joinRoutes)
  .route('/', probeIceRoutes)
  .route('/', webhookRoutes);
