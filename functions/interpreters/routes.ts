// Interpreters for citizens and counsellors: which languages can be booked, and inviting one into a running session.
import { Hono } from 'hono';
import * as v from 'valibot';
import { writeAudit } from '../audit/audit.ts';
import { isCapacityViolation } from '../capacity/buckets.ts';
import { runBookingTransaction } from '../db/transaction.ts';
import type { AppEnv, StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { idParam } from '../http/schemas.ts';
import { claimInterpreter, isInterpreterUnavailable, prepareClaim } from './claim.ts';
import { findSessionForInvite, interpreterLanguageOf, offeredLanguages } from './repository.ts';
import { InviteInterpreterSchema } from './schemas.ts';

export const interpreterRoutes = new Hono<AppEnv>().get('/api/interpreter-languages', async (c) => {
  c.header('cache-control', 'no-store');
  return c.json({ languages: await offeredLanguages(c.get('db')) });
});

/** Mounted on /api/staff. */
export const interpreterStaffRoutes = new Hono<StaffEnv>().post(
  '/bookings/:id/interpreter',
  idParam,
  async (c) => {
    const { id } = c.req.valid('param');
    const actor = c.get('actor');
    const db = c.get('db');
    const booking = await findSessionForInvite(db, id);
    if (!booking || booking.counsellor_id !== actor.counsellorId) throw new AppError('not_found');
    const now = c.get('clock').now();
    if (booking.status !== 'confirmed' || new Date(booking.end_at).getTime() <= now.getTime())
      throw new AppError('conflict', { detail: 'This session is over or cancelled.' });
    if (await interpreterLanguageOf(db, booking.id))
      throw new AppError('conflict', { detail: 'An interpreter is already invited to this session.' });
    // The body is read only after the booking proved to be the caller's: others learn nothing.
    const parsed = v.safeParse(InviteInterpreterSchema, await c.req.json().catch(() => null));
    if (!parsed.success)
      throw new AppError('validation_failed', {
        errors: [{ path: 'language', message: 'must be a language code such as tr or dgs' }],
      });
    const { language } = parsed.output;
    const { TIME_ZONE: timeZone, PUBLIC_BASE_URL: baseUrl } = c.get('config');
    const service = await db
      .selectFrom('services')
      .select('name_de')
      .where('id', '=', booking.service_id)
      .executeTakeFirstOrThrow();
    const blocked = { start: new Date(booking.start_at), end: new Date(booking.end_at) };
    const claim = await prepareClaim(
      db,
      {
        bookingId: booking.id,
        kind: booking.kind,
        start: blocked.start,
        // An ad-hoc session runs from now; the interpreter is needed for what is left of it.
        blockedStart:
          booking.kind === 'adhoc'
            ? new Date(Math.max(now.getTime(), blocked.start.getTime()))
            : blocked.start,
        blockedEnd: blocked.end,
        serviceName: service.name_de,
      },
      language,
      { timeZone, baseUrl, now },
    );
    try {
      await runBookingTransaction(db, async (trx) => {
        await claimInterpreter(trx, booking.id, claim, timeZone);
        await writeAudit(trx, {
          actorType: 'staff',
          actorId: actor.userId,
          action: 'interpreter.invited',
          entityType: 'booking',
          entityId: booking.id,
          detail: { language },
          requestId: c.get('requestId'),
        });
      });
    } catch (error) {
      if (isInterpreterUnavailable(error))
        throw new AppError('conflict', {
          detail: 'No interpreter for this language is free now.',
          extra: { reason: 'interpreter_unavailable' },
        });
      if (isCapacityViolation(error))
        throw new AppError('adhoc_capacity_unavailable', {
          detail: 'The video system has no room for a third participant now.',
        });
      throw error;
    }
    c.get('deps').calendarChanged('bookings');
    c.header('cache-control', 'no-store');
    return c.json({ language, joinUrl: `${baseUrl}/j/${claim.code}` }, 201);
  },
);
