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

export const RescheduleBodySchema = v.object({ start: Instant });

export const TokenParamSchema = v.object({ token: v.string() });

export const CancelBodySchema = v.object({
  message: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(300, 'must be at most 300 characters')), ''),
});
