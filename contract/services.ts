// The citizen's list of topics (services), named in the requested language.
import * as v from 'valibot';

export const Service = v.object({
  id: v.string(),
  name: v.string(),
  description: v.optional(v.string()),
  durationMinutes: v.number(),
  minNoticeMinutes: v.number(),
  horizonDays: v.number(),
  slotStepMinutes: v.number(),
});
export type Service = v.InferOutput<typeof Service>;

export const ServiceList = v.object({ services: v.array(Service), timeZone: v.string() });
export type ServiceList = v.InferOutput<typeof ServiceList>;
