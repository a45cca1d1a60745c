// The OpenAPI 3.1 description of the public contract (API.md) and the staff API's paths, for outside clients.
type Json = Record<string, unknown>;

const problem = { $ref: '#/components/schemas/Problem' };
const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problem } },
});
const json = (schema: Json, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
const body = (schema: Json) => ({ required: true, content: { 'application/json': { schema } } });
const errors = {
  '400': problemResponse('Invalid input'),
  '422': problemResponse('Validation failed'),
  '429': problemResponse('Rate-limited (Retry-After)'),
  '503': problemResponse('A dependency is down (Retry-After)'),
};
const dateTime = { type: 'string', format: 'date-time', description: 'ISO 8601 with an offset' };
const booking = { $ref: '#/components/schemas/Booking' };

/** Staff endpoints by path and methods; their bodies are documented in docs/endpoints.md. */
const STAFF_PATHS: Record<string, string[]> = {
  '/api/auth/me': ['get'],
  '/api/staff/agenda': ['get'],
  '/api/staff/adhoc-sessions': ['post'],
  '/api/staff/bookings/{id}/join': ['post'],
  '/api/staff/bookings/{id}/presence': ['get'],
  '/api/staff/bookings/{id}/end': ['post'],
  '/api/staff/bookings/{id}/remove-participant': ['post'],
  '/api/staff/bookings/{id}/running-late': ['post'],
  '/api/staff/bookings/{id}/phone-fallback': ['post'],
  '/api/staff/bookings/{id}/notes': ['get', 'post'],
  '/api/staff/working-hours': ['get', 'put'],
  '/api/staff/absences': ['get', 'post'],
  '/api/staff/absences/{id}': ['delete'],
  '/api/admin/capacity': ['get', 'put'],
  '/api/admin/capacity/forecast': ['get'],
  '/api/admin/capacity/live': ['get'],
  '/api/admin/maintenance-windows': ['get', 'post'],
  '/api/admin/maintenance-windows/{id}': ['delete'],
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
  '/api/admin/outbox/{id}/retry': ['post'],
  '/api/admin/audit': ['get'],
};

function staffPaths(): Json {
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
  return out;
}

export function openApiDocument(serverUrl: string): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Beratungsraum',
      version: '1.0.0',
      description:
        'Video counselling for public agencies. Every error is application/problem+json (RFC 9457) with a stable `code`.',
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/healthz': { get: { tags: ['operations'], responses: { '200': json({ type: 'object' }) } } },
      '/readyz': {
        get: { tags: ['operations'], responses: { '200': json({ type: 'object' }), '503': errors['503'] } },
      },
      '/api/services': {
        get: {
          tags: ['citizen'],
          parameters: [{ name: 'Accept-Language', in: 'header', schema: { type: 'string' } }],
          responses: {
            '200': json({
              type: 'object',
              properties: { services: { type: 'array', items: { $ref: '#/components/schemas/Service' } } },
            }),
          },
        },
      },
      '/api/slots': {
        get: {
          tags: ['citizen'],
          parameters: [
            { name: 'service', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
            {
              name: 'to',
              in: 'query',
              required: true,
              schema: { type: 'string', format: 'date' },
              description: 'at most 42 days after from',
            },
          ],
          responses: { '200': json({ $ref: '#/components/schemas/Slots' }), ...errors },
        },
      },
      '/api/bookings': {
        post: {
          tags: ['citizen'],
          requestBody: body({ $ref: '#/components/schemas/BookingRequest' }),
          responses: {
            '201': json(
              {
                type: 'object',
                properties: { booking, joinUrl: { type: 'string' }, manageUrl: { type: 'string' } },
              },
              'Booked',
            ),
            '409': problemResponse('slot_unavailable'),
            ...errors,
          },
        },
      },
      '/api/bookings/manage/{token}': {
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          tags: ['citizen'],
          responses: {
            '200': json({ type: 'object', properties: { booking } }),
            '404': problemResponse('Unknown'),
          },
        },
        delete: {
          tags: ['citizen'],
          responses: {
            '200': json({ type: 'object', properties: { booking } }, 'Cancelled'),
            '404': problemResponse('Unknown'),
          },
        },
      },
      '/api/bookings/manage/{token}/reschedule': {
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
        post: {
          tags: ['citizen'],
          requestBody: body({ type: 'object', required: ['start'], properties: { start: dateTime } }),
          responses: {
            '200': json({ type: 'object', properties: { booking } }),
            '409': problemResponse('slot_unavailable'),
            ...errors,
          },
        },
      },
      '/api/bookings/manage/{token}/ics': {
        parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          tags: ['citizen'],
          responses: { '200': { description: 'iCalendar', content: { 'text/calendar': {} } } },
        },
      },
      '/api/join': {
        post: {
          tags: ['citizen'],
          requestBody: body({ type: 'object', required: ['code'], properties: { code: { type: 'string' } } }),
          responses: {
            '200': json({ $ref: '#/components/schemas/JoinToken' }),
            '404': problemResponse('Unknown code'),
            '410': problemResponse('booking_cancelled or join_closed'),
            '425': problemResponse('join_not_open, with opensAt'),
            ...errors,
          },
        },
      },
      '/api/join/status': {
        post: {
          tags: ['citizen'],
          summary: 'Waiting room: is the counsellor there, running late? Issues no token.',
          requestBody: body({ type: 'object', required: ['code'], properties: { code: { type: 'string' } } }),
          responses: { '200': json({ type: 'object' }), '404': problemResponse('Unknown code'), ...errors },
        },
      },
      '/api/join/failure': {
        post: {
          tags: ['citizen'],
          summary: 'Report a failed join (browser and reason only, no personal data).',
          requestBody: body({
            type: 'object',
            required: ['browser', 'reason'],
            properties: { code: { type: 'string' }, browser: { type: 'string' }, reason: { type: 'string' } },
          }),
          responses: { '201': { description: 'Recorded' }, ...errors },
        },
      },
      '/api/livekit/webhook': {
        post: {
          tags: ['operations'],
          summary: 'LiveKit server events, signed with the API key (401 otherwise).',
          responses: { '200': { description: 'Recorded' }, '401': problemResponse('Unsigned or tampered') },
        },
      },
      '/api/survey': {
        post: {
          tags: ['citizen'],
          requestBody: body({
            type: 'object',
            required: ['code', 'recommend', 'easeOfUse'],
            properties: {
              code: { type: 'string' },
              recommend: { type: 'boolean' },
              easeOfUse: { type: 'integer', minimum: 1, maximum: 5 },
              comment: { type: 'string' },
            },
          }),
          responses: {
            '201': { description: 'Stored' },
            '409': problemResponse('already_answered'),
            ...errors,
          },
        },
      },
      '/api/auth/login': {
        post: {
          tags: ['staff'],
          requestBody: body({
            type: 'object',
            required: ['email', 'password'],
            properties: { email: { type: 'string' }, password: { type: 'string' } },
          }),
          responses: {
            '200': json({
              type: 'object',
              properties: { user: { type: 'object' }, csrfToken: { type: 'string' } },
            }),
            '401': problemResponse('Wrong e-mail or password'),
          },
        },
      },
      '/api/auth/logout': {
        post: {
          tags: ['staff'],
          security: [{ session: [] }],
          responses: { '200': { description: 'Logged out' } },
        },
      },
      ...staffPaths(),
    },
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'br_session',
          description: 'State-changing requests also send the x-csrf-token header.',
        },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'code', 'requestId'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { type: 'string' },
            requestId: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { path: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
        Service: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            durationMinutes: { type: 'integer' },
          },
        },
        Slots: {
          type: 'object',
          properties: {
            service: { type: 'string' },
            timeZone: { type: 'string' },
            days: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  date: { type: 'string', format: 'date' },
                  freeCount: { type: 'integer' },
                  slots: {
                    type: 'array',
                    items: { type: 'object', properties: { start: dateTime, end: dateTime } },
                  },
                },
              },
            },
          },
        },
        BookingRequest: {
          type: 'object',
          required: ['service', 'start', 'phone', 'consent'],
          properties: {
            service: { type: 'string' },
            start: dateTime,
            phone: {
              type: 'string',
              description: 'mobile number; German numbers without country code accepted',
            },
            name: { type: 'string' },
            email: { type: 'string' },
            customerNumber: { type: 'string' },
            language: { enum: ['de', 'en'] },
            consent: { const: true },
          },
        },
        Booking: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            service: { type: 'string' },
            start: dateTime,
            end: dateTime,
            status: { type: 'string' },
          },
        },
        JoinToken: {
          type: 'object',
          properties: {
            serverUrl: { type: 'string' },
            token: { type: 'string' },
            room: { type: 'string' },
            start: dateTime,
            end: dateTime,
            notice: { type: 'object', properties: { title: { type: 'string' }, text: { type: 'string' } } },
          },
        },
      },
    },
  };
}
