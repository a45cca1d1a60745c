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
