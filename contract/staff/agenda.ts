// valibot schemas for the agenda endpoints.
import * as v from 'valibot';

const date = v.pipe(v.string(), v.isoDate('must be a date YYYY-MM-DD'));

export const AgendaQuerySchema = v.object({
  from: v.optional(date),
  to: v.optional(date),
  counsellorId: v.optional(v.pipe(v.string(), v.uuid('must be a counsellor id'))),
  lang: v.optional(v.picklist(['de', 'en'])),
});

export const PhoneFallbackSchema = v.strictObject({
  note: v.optional(v.pipe(v.string(), v.maxLength(500))),
});
