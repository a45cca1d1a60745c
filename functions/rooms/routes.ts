// The rooms feature's routes: citizen join and waiting room, counsellor room actions, LiveKit webhooks, ad-hoc sessions.
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { adhocRoutes } from './adhoc-routes.ts';
import { joinRoutes } from './join-routes.ts';
import { probeIceRoutes } from './probe-ice-routes.ts';
import { staffRoomRoutes } from './staff-routes.ts';
import { webhookRoutes } from './webhook-routes.ts';

export const roomRoutes = new Hono<AppEnv>()
  .route('/', joinRoutes)
  .route('/', probeIceRoutes)
  .route('/', staffRoomRoutes)
  .route('/', webhookRoutes)
  .route('/', adhocRoutes);
