// valibot schemas of the interpreter console and the staff's invitation.
import * as v from 'valibot';
import { InterpreterLanguage, PhoneText } from './shared.ts';
import { WorkingHoursBodySchema } from './weekly-hours.ts';

const Hours = v.pipe(
  v.unknown(),
  v.transform((hours) => ({ hours })),
  WorkingHoursBodySchema,
  v.transform((o) => o.hours),
);

const fields = {
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'is required'), v.maxLength(200)),
  phone: PhoneText,
  email: v.optional(
    v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(320), v.email('must be an e-mail address'))),
    null,
  ),
  languages: v.pipe(
    v.array(InterpreterLanguage),
    v.minLength(1, 'needs at least one language'),
    v.maxLength(20),
  ),
  active: v.optional(v.boolean(), true),
  hours: v.optional(Hours),
};

export const InterpreterCreateSchema = v.strictObject(fields);

export const InterpreterUpdateSchema = v.strictObject({
  name: v.optional(fields.name),
  phone: v.optional(fields.phone),
  email: v.optional(
    v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(320), v.email('must be an e-mail address'))),
  ),
  languages: v.optional(fields.languages),
  active: v.optional(v.boolean()),
  hours: v.optional(Hours),
});

export const InviteInterpreterSchema = v.object({ language: InterpreterLanguage });

// Responses.

export const Interpreter = v.object({
  id: v.string(),
  name: v.string(),
  phone: v.string(),
  email: v.nullable(v.string()),
  languages: v.array(v.string()),
  active: v.boolean(),
  hours: v.array(v.object({ weekday: v.number(), start: v.string(), end: v.string() })),
});
export type Interpreter = v.InferOutput<typeof Interpreter>;

export const InterpreterList = v.object({ interpreters: v.array(Interpreter) });
export const InterpreterSaved = v.object({
  interpreter: Interpreter,
  flaggedBookings: v.optional(v.number()),
});

/** GET /api/interpreter-languages. */
export const InterpreterLanguages = v.object({ languages: v.array(v.string()) });

/** POST /api/staff/bookings/{id}/interpreter: the link the interpreter was sent. */
export const InterpreterInvited = v.object({ language: v.string(), joinUrl: v.string() });
