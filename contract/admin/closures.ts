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
