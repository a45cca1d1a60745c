// The operator console's API: services, counsellors, sites, settings and the audit log.
import { Hono } from 'hono';
import type { StaffEnv } from '../http/context.ts';
import { adminCounsellorItemRoutes, adminCounsellorRoutes } from './counsellors-routes.ts';
import { adminServiceRoutes } from './services-routes.ts';
import { adminSettingsRoutes } from './settings-routes.ts';

export const adminRoutes = new Hono<StaffEnv>()
  .route('/', adminServiceRoutes)
  .route('/', adminCounsellorRoutes)
  .route('/', adminCounsellorItemRoutes)
  .route('/', adminSettingsRoutes);
