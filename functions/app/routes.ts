// The feature routers and where they are mounted; each feature owns its folder.
import type { Hono } from 'hono';
import { accessibilityRoutes } from '../accessibility/routes.ts';
import { adminRoutes } from '../admin/routes.ts';
import { agendaRoutes } from '../agenda/routes.ts';
import { manageRoutes } from '../bookings/manage-routes.ts';
import { bookingRoutes } from '../bookings/routes.ts';
import { bookingStaffRoutes } from '../bookings/staff-routes.ts';
import { availabilityRoutes } from '../capacity/availability-routes.ts';
import { capacityRoutes } from '../capacity/routes.ts';
import { systemStatusRoutes } from '../health/admin-routes.ts';
import type { AppEnv } from '../http/context.ts';
import { internalRoutes } from '../internal/routes.ts';
import { noteRoutes } from '../notes/routes.ts';
import { notificationRoutes } from '../notifications/routes.ts';
import { openApiRoutes } from '../openapi/routes.ts';
import { roomRoutes } from '../rooms/routes.ts';
import { serviceRoutes } from '../services/routes.ts';
import { slotRoutes } from '../slots/routes.ts';
import { accountRoutes } from '../staff/account-routes.ts';
import { authRoutes } from '../staff/auth-routes.ts';
import { loginSettingsRoutes } from '../staff/login-settings-routes.ts';
import { oidcRoutes } from '../staff/oidc-routes.ts';
import { statsRoutes } from '../stats/routes.ts';
import { surveyRoutes } from '../survey/routes.ts';
import { webRoutes } from '../web/routes.ts';

export function featureRoutes(): [string, Hono<AppEnv>][] {
  return [
    ['/', serviceRoutes],
    ['/', slotRoutes],
    ['/', bookingRoutes],
    ['/', manageRoutes],
    ['/', capacityRoutes],
    ['/', availabilityRoutes],
    ['/', bookingStaffRoutes],
    ['/', authRoutes],
    ['/', accountRoutes],
    ['/', oidcRoutes],
    ['/', loginSettingsRoutes],
    ['/', roomRoutes],
    ['/', notificationRoutes],
    ['/', internalRoutes],
    ['/', surveyRoutes],
    ['/', accessibilityRoutes],
    ['/', agendaRoutes],
    ['/', noteRoutes],
    ['/', adminRoutes],
    ['/', statsRoutes],
    ['/', systemStatusRoutes],
    ['/', openApiRoutes],
    ['/', webRoutes],
  ];
}
