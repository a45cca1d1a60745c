// The counsellor's calendar subscription: whether one is active, a new secret URL, or none.
import * as v from 'valibot';

export const CalendarFeedState = v.object({ active: v.boolean(), createdAt: v.nullable(v.string()) });
export type CalendarFeedState = v.InferOutput<typeof CalendarFeedState>;

export const CalendarFeedCreated = v.object({ url: v.string() });
export type CalendarFeedCreated = v.InferOutput<typeof CalendarFeedCreated>;
