// valibot schemas of the slot calendar's query.
import * as v from 'valibot';
import { parseDate } from './time-zone.ts';

export const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const MAX_RANGE_DAYS = 42;

export const LocalDate = v.pipe(
  v.string(),
  v.regex(/^(19|20)\d{2}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  v.check((s) => !Number.isNaN(parseDate(s)), 'must be a real date'),
);

export const SlotQuerySchema = v.object({
  service: v.pipe(v.string(), v.regex(SERVICE_ID, 'must be a service id')),
  from: LocalDate,
  to: LocalDate,
  /** Only slots where an interpreter of this language is free too (ISO 639-1, or dgs). */
  interpreter: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'must be a language code such as tr or dgs')),
  ),
});
