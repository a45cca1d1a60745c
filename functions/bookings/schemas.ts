// valibot schemas of the citizen booking API: the booking form, the reschedule body, the manage token.
import * as v from 'valibot';
import { LANGUAGES } from '../db/database.ts';
import { LANGUAGE_CODE } from '../interpreters/languages.ts';
import { SERVICE_ID } from '../slots/schemas.ts';
import { normalizeMobilePhone } from './phone.ts';

export const InterpreterLanguage = v.pipe(
  v.string(),
  v.regex(LANGUAGE_CODE, 'must be a language code such as tr or dgs'),
);

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time with an offset, as an instant. */
export const Instant = v.pipe(
  v.string(),
  v.regex(ISO_WITH_OFFSET, 'must be an ISO 8601 date-time with an offset'),
  v.transform((s) => new Date(s)),
  v.check((d) => !Number.isNaN(d.getTime()), 'must be a real date-time'),
);

/** A mobile number, normalised to E.164 (German numbers may omit +49). */
export const MobilePhone = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const result = normalizeMobilePhone(dataset.value);
    if (result.ok) return result.e164;
    addIssue({
      message: result.reason === 'not_mobile' ? 'must be a mobile number' : 'must be a valid phone number',
    });
    return NEVER;
  }),
);

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
  service: v.pipe(v.string(), v.regex(SERVICE_ID, 'must be a service id')),
  start: Instant,
  phone: MobilePhone,
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
      id: v.pipe(v.string(), v.uuid('must be the verificationId of the 428 answer')),
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
