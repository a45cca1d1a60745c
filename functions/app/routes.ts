// The feature routers by audience: public under /api (and the pages), staff under /api/staff behind one
// requireStaff(), operators under /api/admin behind one requireStaff(['operator']). Each feature owns its folder.
import { Hono } from 'hono';
import { accessibilityRoutes, adminAccessibilityRoutes } from '../accessibility/routes.ts';
import { adminRoutes } from '../admin/routes.ts';
import { agendaRoutes } from '../agenda/routes.ts';
import { manageRoutes } from '../bookings/manage-routes.ts';
import { bookingRoutes } from '../bookings/routes.ts';
import { bookingStaffRoutes } from '../bookings/staff-routes.ts';
import { calendarFeedRoutes, calendarRoutes } from '../calendar/routes.ts';
import { adminAvailabilityRoutes, staffAvailabilityRoutes } from '../capacity/availability-routes.ts';
import { nodesRoutes } from '../capacity/nodes-routes.ts';
import { capacityRoutes } from '../capacity/routes.ts';
import { closingDayRoutes } from '../closures/routes.ts';
import { systemStatusRoutes } from '../health/admin-routes.ts';
import type { AppEnv, StaffEnv } from '../http/context.ts';
import { internalRoutes } from '../internal/routes.ts';
import { interpreterAdminRoutes } from '../interpreters/admin-routes.ts';
import { interpreterRoutes, interpreterStaffRoutes } from '../interpreters/routes.ts';
import { noteRoutes } from '../notes/routes.ts';
import { adminNotificationRoutes, staffNotificationRoutes } from '../notifications/routes.ts';
import { openApiRoutes } from '../openapi/routes.ts';
import { adhocRoutes } from '../rooms/adhoc-routes.ts';
import { roomRoutes } from '../rooms/routes.ts';
import { staffRoomRoutes } from '../rooms/staff-routes.ts';
import { serviceRoutes } from '../services/routes.ts';
import { slotRoutes } from '../slots/routes.ts';
import { accountRoutes } from '../staff/account-routes.ts';
import { authRoutes } from '../staff/auth-routes.ts';
import { loginSettingsRoutes } from '../staff/login-settings-routes.ts';
import { requireStaff } from '../staff/middleware.ts';
import { oidcRoutes } from '../staff/oidc-routes.ts';
import { statsRoutes } from '../stats/routes.ts';
import { surveyRoutes } from '../survey/routes.ts';
import { webRoutes } from '../web/routes.ts';

/** Citizens, the login and session routes of /api/auth, internal calls and the pages: full paths, mounted at /. */
const PUBLIC: Hono<AppEnv>[] = [
  serviceRoutes,
  slotRoutes,
  bookingRoutes,
  manageRoutes,
  authRoutes,
  accountRoutes,
  oidcRoutes,
  roomRoutes,
  internalRoutes,
  surveyRoutes,
  accessibilityRoutes,
  calendarFeedRoutes,
  interpreterRoutes,
  openApiRoutes,
  webRoutes,
];

/** Counsellors and operators: paths below /api/staff. */
const STAFF: Hono<StaffEnv>[] = [
  agendaRoutes,
  noteRoutes,
  staffRoomRoutes,
  adhocRoutes,
  staffAvailabilityRoutes,
  staffNotificationRoutes,
  calendarRoutes,
  interpreterStaffRoutes,
];

/** Operators: paths below /api/admin. */
const ADMIN: Hono<StaffEnv>[] = [
  adminRoutes,
  capacityRoutes,
  nodesRoutes,
  adminAvailabilityRoutes,
  bookingStaffRoutes,
  adminNotificationRoutes,
  adminAccessibilityRoutes,
  loginSettingsRoutes,
  statsRoutes,
  systemStatusRoutes,
  closingDayRoutes,
  interpreterAdminRoutes,
];

function audience(guard: ReturnType<typeof requireStaff>, routers: Hono<StaffEnv>[]): Hono<StaffEnv> {
  const sub = new Hono<StaffEnv>().use('*', guard);
  for (const routes of routers) sub.route('/', routes);
  return sub;
}

/** Mounts every feature on `app`, each audience's sub-app behind its one guard. */
export function mountFeatures(app: Hono<AppEnv>): void {
  app.route('/api/staff', audience(requireStaff(), STAFF));
  app.route('/api/admin', audience(requireStaff(['operator']), ADMIN));
  for (const routes of PUBLIC) app.route('/', routes);
}
