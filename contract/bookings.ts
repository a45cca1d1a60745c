// valibot schemas of the citizen booking API: the booking form, the reschedule body, the manage token.
import * as v from 'valibot';
import { Instant, InterpreterLanguage, LANGUAGES, PhoneText, ServiceId, Uuid } from './shared.ts';

/** An optional text field; an empty string counts as absent. */
const optionalText = (max: number) =>
  v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.trim(),
        v.maxLength(max, `must be at most ${max} characters`),
        v.transform((s) => (s === '' ? null : s)),
      ),
    ),
    null,
  );

export const BookingBodySchema = v.object({
  service: ServiceId,
  start: Instant,
  phone: PhoneText,
  name: optionalText(200),
  email: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.trim(),
        v.maxLength(320, 'must be at most 320 characters'),
        v.check((s) => s === '' || v.is(v.pipe(v.string(), v.email()), s), 'must be an e-mail address'),
        v.transform((s) => (s === '' ? null : s.toLowerCase())),
      ),
    ),
    null,
  ),
  customerNumber: optionalText(64),
  language: v.optional(v.picklist(LANGUAGES, `must be one of ${LANGUAGES.join(', ')}`), 'de'),
  /** Bring an interpreter for this language (ISO 639-1, or dgs for German Sign Language). */
  interpreter: v.optional(v.nullable(InterpreterLanguage), null),
  consent: v.literal(true, 'consent is required and must be true'),
  /** The SMS code after a 428 phone_verification_required (BOOKING_PHONE_VERIFICATION). */
  verification: v.optional(
    v.object({
      id: Uuid('must be the verificationId of the 428 answer'),
      code: v.pipe(
        v.string(),
        v.trim(),
        v.regex(/^[0-9]{6}$/, 'must be the six digits from the text message'),
      ),
    }),
  ),
});

export type BookingBody = v.InferOutput<typeof BookingBodySchema>;
/** What a client sends to book (before the server's defaults and normalisation). */
export type BookingRequest = v.InferInput<typeof BookingBodySchema>;

export const RescheduleBodySchema = v.object({ start: Instant });

export const TokenParamSchema = v.object({ token: v.string() });

export const CancelBodySchema = v.object({
  message: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(300, 'must be at most 300 characters')), ''),
});

// Responses.

/** A booking as the citizen sees it; times in the agency's time zone with their offset. */
export const BookingView = v.object({
  id: v.string(),
  service: v.string(),
  start: v.string(),
  end: v.string(),
  status: v.string(),
});
export type BookingView = v.InferOutput<typeof BookingView>;

/** 201 of POST /api/bookings and 200 of a citizen's reschedule: the booking and its two links. */
export const BookingCreated = v.object({ booking: BookingView, joinUrl: v.string(), manageUrl: v.string() });
export type BookingCreated = v.InferOutput<typeof BookingCreated>;

/** GET /api/bookings/manage/{token}: the booking with its topic's name and whether it must be rebooked. */
export const ManagedBooking = v.object({
  booking: v.object({
    ...BookingView.entries,
    serviceName: v.string(),
    needsRebooking: v.boolean(),
  }),
});
export type ManagedBooking = v.InferOutput<typeof ManagedBooking>;

/** A cancelled booking (citizen or operator). */
export const BookingOnly = v.object({ booking: BookingView });

/** The operator moved a booking: the new one replaces `previousBookingId`. */
export const BookingMoved = v.object({ booking: BookingView, previousBookingId: v.string() });

/** The Idempotency-Key header of POST /api/bookings: a UUID or any other 16-128 URL-safe characters. */
export const IdempotencyKey = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,128}$/));
