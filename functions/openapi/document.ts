// The OpenAPI 3.1 description of the public contract (API.md) and the staff API's paths, for outside clients.
import { LANGUAGES } from '../db/database.ts';
import { body, booking, dateTime, errors, type Json, json, problemResponse } from './parts.ts';
import { SCHEMAS } from './schemas.ts';
import { staffPaths } from './staff-paths.ts';

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
      '/api/probe': {
        post: {
          tags: ['citizen'],
          description: 'Upload probe of the connection check: counts the bytes of the body (at most 64 KiB).',
          requestBody: {
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          responses: {
            '200': json({ type: 'object', properties: { bytes: { type: 'integer' } } }),
            '413': problemResponse('Body over 64 KiB'),
          },
        },
      },
      '/readyz': {
        get: {
          tags: ['operations'],
          description:
            'Each dependency by name; 503 only when the database is unusable, "degraded" otherwise.',
          responses: {
            '200': json({
              type: 'object',
              properties: {
                status: { enum: ['ok', 'degraded'] },
                database: { const: 'ok' },
                video: { enum: ['ok', 'down', 'not_configured'] },
                sms: { enum: ['ok', 'down', 'not_configured'] },
              },
            }),
            '503': errors['503'],
          },
        },
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
      '/api/join/ice': {
        post: {
          tags: ['citizen'],
          summary:
            'Pre-call check: the agency’s TURN URLs with LiveKit TURN credentials valid 60 s, for an open room. Issues no video token.',
          requestBody: body({ type: 'object', required: ['code'], properties: { code: { type: 'string' } } }),
          responses: {
            '200': json({
              type: 'object',
              properties: { iceServers: { type: 'array', items: { type: 'object' } }, expiresAt: dateTime },
            }),
            '404': problemResponse('Unknown code'),
            ...errors,
          },
        },
      },
      '/api/probe/ice': {
        post: {
          tags: ['citizen'],
          summary:
            'Connection check before booking: the agency’s TURN URLs with LiveKit TURN credentials valid 60 s, without a join code. Rate-limited per client; the relay reaches only the video server.',
          responses: {
            '200': json({
              type: 'object',
              properties: { iceServers: { type: 'array', items: { type: 'object' } }, expiresAt: dateTime },
            }),
            ...errors,
          },
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
      '/api/interpreter-languages': {
        get: {
          tags: ['citizen'],
          description: 'Languages an interpreter can be booked for (ISO 639-1, dgs = German Sign Language).',
          responses: { '200': { description: '{ languages: string[] }' }, ...errors },
        },
      },
      '/api/calendar-feed/{file}': {
        get: {
          tags: ['staff'],
          description: "A counsellor's subscription feed (text/calendar) by its secret `<token>.ics`.",
          parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'text/calendar' }, '404': problemResponse('not_found') },
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
      '/api/accessibility': {
        get: {
          tags: ['citizen'],
          summary: 'Contacts, conciliation body and sign-language video of the accessibility pages.',
          responses: {
            '200': json({
              type: 'object',
              properties: {
                contactEmail: { type: ['string', 'null'] },
                contactPhone: { type: ['string', 'null'] },
                enforcementUrl: { type: 'string' },
                signLanguageVideo: { type: ['string', 'null'] },
              },
            }),
          },
        },
      },
      '/api/accessibility/feedback': {
        post: {
          tags: ['citizen'],
          summary: 'Report a barrier (BITV 2.0 feedback mechanism); operators read and close reports.',
          requestBody: body({
            type: 'object',
            required: ['message'],
            properties: {
              message: { type: 'string', maxLength: 4000 },
              contact: { type: ['string', 'null'], maxLength: 200 },
              page: { type: ['string', 'null'], description: 'first path segment, e.g. /j' },
              language: { enum: [...LANGUAGES] },
            },
          }),
          responses: { '201': { description: 'Stored' }, ...errors },
        },
      },
      '/api/auth/login': {
        post: {
          tags: ['staff'],
          requestBody: body({
            type: 'object',
            required: ['email', 'password'],
            properties: {
              email: { type: 'string' },
              password: { type: 'string' },
              totp: { type: 'string', description: 'Six-digit code when the account has TOTP' },
            },
          }),
          responses: {
            '200': json({
              type: 'object',
              properties: { user: { type: 'object' }, csrfToken: { type: 'string' } },
            }),
            '401': problemResponse(
              'Wrong e-mail or password (code unauthorized), or TOTP needed (totp_required)',
            ),
            '403': problemResponse('Local passwords are switched off (local_login_disabled)'),
            '429': problemResponse('This client failed too often on this account; see Retry-After'),
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
          description:
            'Named __Host-br_session when Secure (everywhere but http://localhost). State-changing requests also send the x-csrf-token header.',
        },
      },
      schemas: SCHEMAS,
    },
  };
}
