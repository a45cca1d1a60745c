// valibot schemas for joining, the waiting room, join-failure reports and staff room actions.
import * as v from 'valibot';
import { LANGUAGES } from './shared.ts';

const code = v.pipe(v.string('is required'), v.trim(), v.minLength(1, 'is required'), v.maxLength(200));

export const JoinSchema = v.strictObject({ code });

/** Short labels only (browser name and version, error name): no free text that could carry personal data. */
const label = (max: number) =>
  v.pipe(
    v.string('is required'),
    v.trim(),
    v.minLength(1, 'is required'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.regex(/^[A-Za-z0-9 ._:/()+-]+$/, 'may contain letters, digits, spaces and . _ : / ( ) + - only'),
  );

export const JoinFailureSchema = v.strictObject({
  code: v.optional(code),
  browser: label(64),
  reason: label(200),
});

export const BookingIdParam = v.object({ id: v.string() });

export const RemoveParticipantSchema = v.strictObject({
  identity: v.optional(v.pipe(v.string(), v.maxLength(200))),
});

export const AdhocSessionSchema = v.strictObject({
  phone: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(32)))),
  name: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(200)))),
  language: v.optional(v.picklist(LANGUAGES, `must be one of ${LANGUAGES.join(', ')}`)),
});

// Responses.

/** A video ticket: a LiveKit token for one room, valid for a few minutes, with the recording notice. */
const RoomTicket = {
  serverUrl: v.string(),
  token: v.string(),
  room: v.string(),
  identity: v.string(),
  role: v.picklist(['citizen', 'interpreter', 'counsellor']),
  start: v.string(),
  end: v.string(),
  closesAt: v.string(),
  expiresAt: v.string(),
  notice: v.object({ title: v.string(), text: v.string() }),
};

/** POST /api/join: the citizen's (or interpreter's) ticket and whether the counsellor is there yet. */
export const JoinTicket = v.object({
  ...RoomTicket,
  waiting: v.boolean(),
  counsellorPresent: v.boolean(),
  delayMinutes: v.number(),
  interpreterLanguage: v.nullable(v.string()),
});
export type JoinTicket = v.InferOutput<typeof JoinTicket>;

/** POST /api/staff/bookings/{id}/join: the counsellor's ticket. */
export const StaffJoinTicket = v.object({
  ...RoomTicket,
  bookingId: v.string(),
  citizenPresent: v.boolean(),
});
export type StaffJoinTicket = v.InferOutput<typeof StaffJoinTicket>;

/** POST /api/join/status: the waiting room's view; issues no token. */
export const JoinStatus = v.object({
  state: v.picklist(['open', 'join_not_open', 'join_closed', 'booking_cancelled']),
  start: v.string(),
  end: v.string(),
  opensAt: v.string(),
  counsellorPresent: v.boolean(),
  delayMinutes: v.number(),
});
export type JoinStatus = v.InferOutput<typeof JoinStatus>;

/** TURN servers for the connection check, with credentials valid 60 s (none when no TURN is configured). */
export const IceServers = v.object({
  iceServers: v.array(
    v.object({
      urls: v.union([v.string(), v.array(v.string())]),
      username: v.string(),
      credential: v.string(),
    }),
  ),
  expiresAt: v.optional(v.string()),
});
export type IceServers = v.InferOutput<typeof IceServers>;

const PresenceOf = v.object({ present: v.boolean(), since: v.nullable(v.string()) });

/** GET /api/staff/bookings/{id}/presence. */
export const Presence = v.object({
  bookingId: v.string(),
  status: v.string(),
  citizen: v.optional(PresenceOf),
  counsellor: v.optional(PresenceOf),
  citizenWaiting: v.optional(v.boolean()),
});
export type Presence = v.InferOutput<typeof Presence>;

/** POST /api/staff/adhoc-sessions: the immediate session and the link the citizen gets by SMS. */
export const AdhocCreated = v.object({
  booking: v.object({
    id: v.string(),
    service: v.string(),
    kind: v.string(),
    start: v.string(),
    end: v.string(),
    status: v.string(),
  }),
  joinUrl: v.string(),
});
export type AdhocCreated = v.InferOutput<typeof AdhocCreated>;

/** POST /api/staff/bookings/{id}/end. */
export const SessionEnded = v.object({ booking: v.object({ id: v.string(), status: v.string() }) });

/** POST /api/staff/bookings/{id}/remove-participant. */
export const ParticipantRemoved = v.object({ removed: v.nullable(v.string()) });

/** POST /api/staff/bookings/{id}/phone-fallback. */
export const PhoneFallback = v.object({
  booking: v.object({ id: v.string(), status: v.string(), phoneFallbackAt: v.string() }),
});
