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

// Responses.

/** POST /api/staff/bookings/{id}/running-late. */
export const RunningLateSaved = v.object({
  booking: v.object({ id: v.string(), counsellorDelayMinutes: v.nullable(v.number()) }),
  smsQueued: v.boolean(),
});

export const OutboxMessage = v.object({
  id: v.string(),
  bookingId: v.nullable(v.string()),
  kind: v.string(),
  status: v.picklist(['pending', 'sending', 'sent', 'dead', 'cancelled']),
  recipient: v.string(),
  text: v.string(),
  attempts: v.number(),
  lastError: v.nullable(v.string()),
  nextAttemptAt: v.nullable(v.string()),
  sentAt: v.nullable(v.string()),
  createdAt: v.string(),
});
export type OutboxMessage = v.InferOutput<typeof OutboxMessage>;

/** An SMS budget that holds messages back now. */
export const SmsBudgetAlert = v.object({
  code: v.picklist(['sms_budget_total', 'sms_budget_number']),
  held: v.number(),
  resumesAt: v.string(),
});
export type SmsBudgetAlert = v.InferOutput<typeof SmsBudgetAlert>;

export const Outbox = v.object({
  messages: v.array(OutboxMessage),
  counts: v.record(v.string(), v.number()),
  alerts: v.array(SmsBudgetAlert),
});
export type Outbox = v.InferOutput<typeof Outbox>;

export const AlertList = v.object({ alerts: v.array(SmsBudgetAlert) });
export const MessageRetried = v.object({ message: v.nullable(OutboxMessage) });
