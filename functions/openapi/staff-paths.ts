// The staff and operator paths of the OpenAPI document (bodies: docs/endpoints.md).
import { type Json, problemResponse } from './parts.ts';

/** Staff endpoints by path and methods; their bodies are documented in docs/endpoints.md. */
const STAFF_PATHS: Record<string, string[]> = {
  '/api/auth/me': ['get'],
  '/api/auth/password': ['post'],
  '/api/auth/totp/setup': ['post'],
  '/api/auth/totp/confirm': ['post'],
  '/api/auth/sessions': ['get'],
  '/api/auth/sessions/{id}': ['delete'],
  '/api/auth/logout-everywhere': ['post'],
  '/api/admin/login-settings': ['get', 'put'],
  '/api/staff/agenda': ['get'],
  '/api/staff/adhoc-sessions': ['post'],
  '/api/staff/bookings/{id}/join': ['post'],
  '/api/staff/bookings/{id}/presence': ['get'],
  '/api/staff/bookings/{id}/end': ['post'],
  '/api/staff/bookings/{id}/remove-participant': ['post'],
  '/api/staff/bookings/{id}/running-late': ['post'],
  '/api/staff/bookings/{id}/phone-fallback': ['post'],
  '/api/staff/bookings/{id}/notes': ['get', 'post'],
  '/api/staff/bookings/{id}/interpreter': ['post'],
  '/api/staff/calendar-feed': ['get', 'post', 'delete'],
  '/api/admin/closing-days': ['get', 'post'],
  '/api/admin/closing-days/{id}': ['delete'],
  '/api/admin/interpreters': ['get', 'post'],
  '/api/admin/interpreters/{id}': ['put'],
  '/api/staff/working-hours': ['get', 'put'],
  '/api/staff/absences': ['get', 'post'],
  '/api/staff/absences/{id}': ['delete'],
  '/api/admin/capacity': ['get', 'put'],
  '/api/admin/capacity/forecast': ['get'],
  '/api/admin/capacity/live': ['get'],
  '/api/admin/system-status': ['get'],
  '/api/admin/maintenance-windows': ['get', 'post'],
  '/api/admin/maintenance-windows/{id}': ['delete'],
  '/api/admin/livekit-nodes': ['get', 'post'],
  '/api/admin/livekit-nodes/recommendation': ['get'],
  '/api/admin/livekit-nodes/{id}': ['patch', 'delete'],
  '/api/admin/livekit-nodes/{id}/maintenance': ['put', 'delete'],
  '/api/admin/rebooking-needed': ['get'],
  '/api/admin/bookings/{id}/reschedule': ['post'],
  '/api/admin/bookings/{id}/cancel': ['post'],
  '/api/admin/services': ['get', 'post'],
  '/api/admin/services/{id}': ['put'],
  '/api/admin/counsellors': ['get', 'post'],
  '/api/admin/counsellors/{id}': ['put'],
  '/api/admin/counsellors/{id}/reset-password': ['post'],
  '/api/admin/counsellors/{id}/working-hours': ['get', 'put'],
  '/api/admin/counsellors/{id}/absences': ['get', 'post'],
  '/api/admin/counsellors/{id}/absences/{absenceId}': ['delete'],
  '/api/admin/sites': ['get', 'post'],
  '/api/admin/sites/{id}': ['put'],
  '/api/admin/settings': ['get', 'put'],
  '/api/admin/stats': ['get'],
  '/api/admin/stats.csv': ['get'],
  '/api/admin/outbox': ['get'],
  '/api/admin/alerts': ['get'],
  '/api/admin/outbox/{id}/retry': ['post'],
  '/api/admin/audit': ['get'],
  '/api/admin/accessibility-feedback': ['get'],
  '/api/admin/accessibility-feedback/{id}/handled': ['post'],
};

export function staffPaths(): Json {
  const out: Json = {};
  for (const [path, methods] of Object.entries(STAFF_PATHS)) {
    const ops: Json = {};
    for (const m of methods) {
      ops[m] = {
        tags: [path.startsWith('/api/admin/') ? 'operator' : 'staff'],
        summary: `See docs/endpoints.md`,
        security: [{ session: [] }],
        responses: {
          '200': { description: 'OK' },
          '401': problemResponse('Login required'),
          '403': problemResponse('Not allowed or CSRF token missing'),
          '404': problemResponse('Unknown or not yours'),
        },
      };
    }
    out[path] = ops;
  }
  return { ...out, ...ssoPaths() };
}

/** Single sign-on: browser redirects and the provider's back-channel call, no session needed. */
function ssoPaths(): Json {
  const redirect = (summary: string) => ({
    get: { tags: ['staff'], summary, responses: { '302': { description: 'Redirect' } } },
  });
  return {
    '/api/auth/options': {
      get: {
        tags: ['staff'],
        summary: 'Login options: local passwords, single sign-on',
        responses: { '200': { description: 'OK' } },
      },
    },
    '/api/auth/oidc/start': redirect('Starts the OpenID Connect login (code flow with PKCE)'),
    '/api/auth/oidc/callback': redirect('The identity provider returns here; starts the session'),
    '/api/auth/oidc/backchannel-logout': {
      post: {
        tags: ['staff'],
        summary: 'OpenID Connect back-channel logout (form field logout_token)',
        responses: {
          '200': { description: 'Sessions ended' },
          '400': problemResponse('Invalid logout token'),
        },
      },
    },
  };
}
