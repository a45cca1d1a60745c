// Operator API for bookings that no longer fit (absence, lower capacity, maintenance): moving them, or cancelling with a message.
import { Hono } from 'hono';
import { auditStaff } from '../audit/audit.ts';
import { runBookingTransaction } from '../db/transaction.ts';
import type { StaffEnv } from '../http/context.ts';
import { pickStaffLanguage } from '../http/language.ts';
import { AppError } from '../http/problem.ts';
import { idParam } from '../http/schemas.ts';
import { validate } from '../http/validation.ts';
import { bookingContext } from './book.ts';
import { cancelLocked } from './manage.ts';
import { publicBooking } from './present.ts';
import { findBookingById } from './repository.ts';
import { rescheduleByStaff } from './reschedule.ts';
import { slotInvalid } from './routes.ts';
import { CancelBodySchema, RescheduleBodySchema } from './schemas.ts';

export const bookingStaffRoutes = new Hono<StaffEnv>()
  .get('/rebooking-needed', async (c) => {
    const db = c.get('db');
    const now = c.get('clock').now();
    const tz = c.get('config').TIME_ZONE;
    const lang = pickStaffLanguage(c);
    const rows = await db
      .selectFrom('bookings as b')
      .innerJoin('services as s', 's.id', 'b.service_id')
      .innerJoin('counsellors as c', 'c.id', 'b.counsellor_id')
      .innerJoin('staff_users as u', 'u.id', 'c.staff_user_id')
      .selectAll('b')
      .select(['s.name_de', 's.name_en', 'u.display_name'])
      .where('b.needs_rebooking', '=', true)
      .where('b.status', '=', 'confirmed')
      .where('b.end_at', '>', now)
      .orderBy('b.start_at')
      .limit(1000)
      .execute();
    await auditStaff(c, 'rebooking_list.viewed', {
      entityType: 'booking',
      detail: { count: rows.length, citizenData: c.get('actor').supervisor === true },
      db,
    });
    // Need-to-know: moving an appointment needs no contact data; the new link goes out by SMS.
    const seesCitizen = c.get('actor').supervisor === true;
    return c.json({
      bookings: rows.map((r) => ({
        ...publicBooking(r, tz),
        serviceName: lang === 'en' ? r.name_en : r.name_de,
        kind: r.kind,
        reason: r.needs_rebooking_reason,
        counsellor: { id: r.counsellor_id, displayName: r.display_name },
        citizen: seesCitizen
          ? { name: r.name, phone: r.phone_e164, language: r.language }
          : { name: null, phone: null, language: r.language },
      })),
    });
  })
  .post('/bookings/:id/cancel', idParam, validate('json', CancelBodySchema), async (c) => {
    const { id } = c.req.valid('param');
    const { message } = c.req.valid('json');
    const ctx = bookingContext(c);
    const actorId = c.get('actor').userId ?? null;
    const booking = await runBookingTransaction(ctx.db, async (trx) => {
      const b = await findBookingById(trx, id, true);
      if (!b) throw new AppError('not_found');
      if (b.status === 'cancelled') return b;
      if (b.status !== 'confirmed')
        throw new AppError('conflict', { detail: 'Only confirmed bookings can be cancelled.' });
      return cancelLocked(ctx, trx, b, 'staff', actorId, { message: message !== '' }, message);
    });
    ctx.calendarChanged('bookings');
    return c.json({ booking: publicBooking(booking, ctx.config.TIME_ZONE) });
  })
  .post('/bookings/:id/reschedule', idParam, validate('json', RescheduleBodySchema), async (c) => {
    const config = c.get('config');
    const ctx = bookingContext(c);
    const { id } = c.req.valid('param');
    const actorId = c.get('actor').userId ?? null;
    const result = await rescheduleByStaff(ctx, id, c.req.valid('json').start, actorId);
    if (!result.ok) {
      switch (result.reason) {
        case 'not_found':
          throw new AppError('not_found');
        case 'not_reschedulable':
          throw new AppError('conflict', { detail: 'Only future confirmed bookings can be moved.' });
        case 'unknown_service':
          throw new AppError('unknown_service');
        case 'slot_invalid':
          throw slotInvalid(result.why);
        case 'slot_unavailable':
          throw new AppError('slot_unavailable', { detail: 'This time is no longer free.' });
      }
    }
    // The new join link goes to the citizen by SMS only; the operator has no use for the secret.
    return c.json({ booking: publicBooking(result.booking, config.TIME_ZONE), previousBookingId: id });
  });
