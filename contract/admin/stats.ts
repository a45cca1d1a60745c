// valibot schemas for statistics and capacity views.
import * as v from 'valibot';

const date = v.pipe(v.string(), v.isoDate('must be a date YYYY-MM-DD'));

export const StatsQuerySchema = v.object({ from: v.optional(date), to: v.optional(date) });

export const ForecastQuerySchema = v.object({
  days: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,2}$/, 'must be 1 to 42'),
      v.transform(Number),
      v.minValue(1),
      v.maxValue(42),
    ),
  ),
});

// Responses.

const Counts = {
  booked: v.number(),
  completed: v.number(),
  noShows: v.number(),
  cancelled: v.number(),
  phoneFallbacks: v.number(),
  sessions: v.number(),
  averageDurationMinutes: v.nullable(v.number()),
  peakConcurrent: v.number(),
  joinFailures: v.number(),
};

export const StatsDay = v.object({ date: v.string(), ...Counts });
export type StatsDay = v.InferOutput<typeof StatsDay>;

export const Stats = v.object({
  from: v.string(),
  to: v.string(),
  timeZone: v.string(),
  days: v.array(StatsDay),
  totals: v.object(Counts),
  joinFailuresByBrowser: v.array(v.object({ browser: v.string(), count: v.number() })),
  survey: v.object({
    responses: v.number(),
    recommendShare: v.nullable(v.number()),
    averageEase: v.nullable(v.number()),
    comments: v.array(
      v.object({ comment: v.string(), recommend: v.boolean(), easeOfUse: v.number(), at: v.string() }),
    ),
  }),
});
export type Stats = v.InferOutput<typeof Stats>;
