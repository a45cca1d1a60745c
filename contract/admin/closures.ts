// valibot schemas of the operator's closing-day requests.
import * as v from 'valibot';
import { IsoDate as LocalDate } from '../shared.ts';

const uuid = v.pipe(v.string(), v.uuid('must be an id'));

export const ClosingDayBodySchema = v.object({
  date: LocalDate,
  /** Omitted or null: the whole agency closes. */
  siteId: v.optional(v.nullable(uuid), null),
  reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200)), ''),
});

export const ClosingDayQuerySchema = v.object({ from: v.optional(LocalDate) });

// Responses.

export const ClosingDay = v.object({
  id: v.string(),
  date: v.string(),
  siteId: v.nullable(v.string()),
  siteName: v.optional(v.nullable(v.string())),
  reason: v.string(),
});
export type ClosingDay = v.InferOutput<typeof ClosingDay>;

/** The public holidays of one federal state, and which sites follow it. */
export const HolidayRegion = v.object({
  federalState: v.nullable(v.string()),
  sites: v.array(v.string()),
  default: v.boolean(),
  holidays: v.array(v.object({ date: v.string(), key: v.string(), name: v.string() })),
});
export type HolidayRegion = v.InferOutput<typeof HolidayRegion>;

export const ClosingDayList = v.object({
  closingDays: v.array(ClosingDay),
  holidays: v.array(HolidayRegion),
});
export const ClosingDayCreated = v.object({ closingDay: ClosingDay, flaggedBookings: v.number() });
export const StatusDeleted = v.object({ status: v.literal('deleted') });
