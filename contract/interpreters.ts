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
