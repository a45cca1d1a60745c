// valibot schemas of the slot calendar's query.
import * as v from 'valibot';
import { IsoDate, ServiceId } from './shared.ts';

export const MAX_RANGE_DAYS = 42;

export const SlotQuerySchema = v.object({
  service: ServiceId,
  from: IsoDate,
  to: IsoDate,
  /** Only slots where an interpreter of this language is free too (ISO 639-1, or dgs). */
  interpreter: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'must be a language code such as tr or dgs')),
  ),
});
