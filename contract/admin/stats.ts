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
