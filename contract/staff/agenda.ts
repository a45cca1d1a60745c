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

// Responses.

/** Where an appointment stands for the counsellor, live presence included. */
export const AgendaStatus = v.picklist([
  'booked',
  'citizen_waiting',
  'in_call',
  'done',
  'no_show',
  'cancelled',
]);
export type AgendaStatus = v.InferOutput<typeof AgendaStatus>;

/** One appointment in a counsellor's (or a supervisor's team) agenda. */
export const AgendaItem = v.object({
  id: v.string(),
  service: v.string(),
  serviceName: v.string(),
  kind: v.picklist(['scheduled', 'adhoc']),
  start: v.string(),
  end: v.string(),
  status: AgendaStatus,
  name: v.nullable(v.string()),
  phone: v.nullable(v.string()),
  customerNumber: v.nullable(v.string()),
  caseFileUrl: v.nullable(v.string()),
  needsRebooking: v.boolean(),
  needsRebookingReason: v.nullable(v.string()),
  delayMinutes: v.nullable(v.number()),
  phoneFallbackAt: v.nullable(v.string()),
  citizenPresent: v.boolean(),
  counsellorPresent: v.boolean(),
  counsellorId: v.string(),
  counsellorName: v.string(),
  noteCount: v.number(),
});
export type AgendaItem = v.InferOutput<typeof AgendaItem>;

/** GET /api/staff/agenda (304 with an ETag when nothing changed). */
export const Agenda = v.object({
  from: v.string(),
  to: v.string(),
  timeZone: v.string(),
  counsellorId: v.nullable(v.string()),
  items: v.array(AgendaItem),
});
export type Agenda = v.InferOutput<typeof Agenda>;
