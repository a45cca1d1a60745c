// Staff "running late" report and the operator's outbox view with dead-letter retry.
import { Hono } from 'hono';
import { auditStaff } from '../audit/audit.ts';
import type { StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { idParam } from '../http/schemas.ts';
import { validate } from '../http/validation.ts';
import { redactSecrets } from './delivery-policy.ts';
import { countByStatus, listMessages, type OutboxListItem, retryDeadMessage } from './repository.ts';
import { reportRunningLate } from './running-late.ts';
import { OutboxQuerySchema, RunningLateSchema } from './schemas.ts';
import { smsBudgetAlerts } from './sms-budget.ts';
import { maskPhone } from './sms-gateway.ts';

function messageJson(m: OutboxListItem) {
  return {
    id: m.id,
    bookingId: m.bookingId,
    kind: m.kind,
    status: m.status,
    // The operator sees that a number exists, not which one; links lose their secrets.
    recipient: m.recipient ? maskPhone(m.recipient) : null,
    text: m.body ? redactSecrets(m.body) : null,
    attempts: m.attempts,
    lastError: m.lastError,
    nextAttemptAt: m.nextAttemptAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
  };
}

/** Mounted on /api/staff. */
export const staffNotificationRoutes = new Hono<StaffEnv>().post(
  '/bookings/:id/running-late',
  idParam,
  validate('json', RunningLateSchema),
  async (c) => {
    const actor = c.get('actor');
    const result = await reportRunningLate(c.get('db'), {
      bookingId: c.req.valid('param').id,
      counsellorId: actor.counsellorId,
      actorUserId: actor.userId,
      minutes: c.req.valid('json').minutes,
      now: c.get('clock').now(),
      timeZone: c.get('config').TIME_ZONE,
      requestId: c.get('requestId'),
    });
    if (!result.ok) {
      if (result.reason === 'not_found') throw new AppError('not_found');
      if (result.reason === 'not_your_booking')
        throw new AppError('forbidden', {
          detail: 'Only the counsellor of this appointment can report a delay.',
        });
      throw new AppError('conflict', { detail: 'The appointment is cancelled or already over.' });
    }
    return c.json({
      booking: { id: c.req.valid('param').id, counsellorDelayMinutes: result.minutes || null },
      smsQueued: result.message?.queued ?? false,
    });
  },
);

/** Mounted on /api/admin. */
export const adminNotificationRoutes = new Hono<StaffEnv>()
  .get('/outbox', validate('query', OutboxQuerySchema), async (c) => {
    const q = c.req.valid('query');
    const db = c.get('db');
    const messages = await listMessages(db, {
      limit: q.limit,
      ...(q.status ? { status: q.status } : {}),
      ...(q.bookingId ? { bookingId: q.bookingId } : {}),
    });
    c.header('cache-control', 'no-store');
    return c.json({
      messages: messages.map(messageJson),
      counts: await countByStatus(db),
      alerts: await smsBudgetAlerts(db),
    });
  })
  .get('/alerts', async (c) => {
    return c.json({ alerts: await smsBudgetAlerts(c.get('db')) });
  })
  .post('/outbox/:id/retry', idParam, async (c) => {
    const { id } = c.req.valid('param');
    const db = c.get('db');
    const result = await retryDeadMessage(db, id, c.get('clock').now());
    if (!result.ok) {
      if (result.reason === 'not_found') throw new AppError('not_found');
      throw new AppError('conflict', {
        detail:
          result.reason === 'erased'
            ? 'The message was erased under the retention rules and cannot be sent again.'
            : 'Only messages in the dead-letter state can be retried.',
      });
    }
    await auditStaff(c, 'outbox_retry', { entityType: 'outbox_message', entityId: id, db });
    const [message] = await listMessages(db, { limit: 1, id });
    return c.json({ message: message ? messageJson(message) : null });
  });
