// valibot schemas for the running-late report and the operator's outbox view.
import * as v from 'valibot';

export const RunningLateSchema = v.strictObject({
  /** 0 withdraws an earlier delay without a message. */
  minutes: v.pipe(
    v.number('must be a number'),
    v.integer('must be whole minutes'),
    v.minValue(0, 'must be at least 0'),
    v.maxValue(120, 'must be at most 120'),
  ),
});

export const OutboxQuerySchema = v.object({
  status: v.optional(v.picklist(['pending', 'sending', 'sent', 'dead', 'cancelled'], 'unknown status')),
  bookingId: v.optional(v.pipe(v.string(), v.uuid('must be an id'))),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, 'must be a number from 1 to 500'),
      v.transform(Number),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(500, 'must be at most 500'),
    ),
    '100',
  ),
});
