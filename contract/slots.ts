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

export const Slot = v.object({ start: v.string(), end: v.string() });
export type Slot = v.InferOutput<typeof Slot>;

export const SlotDay = v.object({ date: v.string(), freeCount: v.number(), slots: v.array(Slot) });
export type SlotDay = v.InferOutput<typeof SlotDay>;

/** GET /api/slots: free start times per day in the agency's time zone. */
export const SlotCalendar = v.object({ service: v.string(), timeZone: v.string(), days: v.array(SlotDay) });
export type SlotCalendar = v.InferOutput<typeof SlotCalendar>;
