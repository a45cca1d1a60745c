// The feature routers and where they are mounted; each feature owns its folder.
import type { Hono } from 'hono';
import { internalRoutes } from '../internal/routes.ts';
import { notificationRoutes } from '../notifications/routes.ts';
import { serviceRoutes } from '../services/routes.ts';
import { authRoutes } from '../staff/auth-routes.ts';
import { surveyRoutes } from '../survey/routes.ts';
import { webRoutes } from '../web/routes.ts';
import type { AppEnv } from './context.ts';

export function featureRoutes(): [string, Hono<AppEnv>][] {
  return [
    ['/', serviceRoutes],
    ['/', authRoutes],
    ['/', notificationRoutes],
    ['/', internalRoutes],
    ['/', surveyRoutes],
    ['/', webRoutes],
  ];
}
