// Operator API for closing days (agency-wide or per site) and the public holidays in force, with rebooking flags.
import { Hono } from 'hono';
import { isUuid } from '../agenda/access.ts';
import { writeAudit } from '../audit/audit.ts';
import { runBookingTransaction } from '../bookings/transaction.ts';
import { flagBookings } from '../capacity/repository.ts';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { notifyBookingChange } from '../slots/cache.ts';
import { addDays, localDateOf, localDay } from '../slots/time-zone.ts';
import { requireStaff } from '../staff/middleware.ts';
import { holidaysBySiteRegion } from './holiday-overview.ts';
import { bookingsWithin, deleteClosingDay, insertClosingDay, listClosingDays } from './repository.ts';
import { ClosingDayBodySchema, ClosingDayQuerySchema } from './schemas.ts';

/** How far ahead the console lists public holidays. */
const HOLIDAY_DAYS_SHOWN = 400;

export const closingDayRoutes = new Hono<AppEnv>()
  .use('/api/admin/closing-days', requireStaff(['operator']))
  .use('/api/admin/closing-days/*', requireStaff(['operator']))
  .get('/api/admin/closing-days', validate('query', ClosingDayQuerySchema), async (c) => {
    const { TIME_ZONE: tz, DEFAULT_FEDERAL_STATE: defaultState } = c.get('config');
    const today = localDateOf(c.get('clock').now().getTime(), tz);
    const from = c.req.valid('query').from ?? today;
    const db = c.get('db');
    const [closingDays, holidays] = await Promise.all([
      listClosingDays(db, from),
      holidaysBySiteRegion(db, defaultState, from, addDays(from, HOLIDAY_DAYS_SHOWN)),
    ]);
    return c.json({ closingDays, holidays });
  })
  .post('/api/admin/closing-days', validate('json', ClosingDayBodySchema), async (c) => {
    const body = c.req.valid('json');
    const now = c.get('clock').now();
    const tz = c.get('config').TIME_ZONE;
    if (body.date < localDateOf(now.getTime(), tz)) {
      throw new AppError('validation_failed', {
        errors: [{ path: 'date', message: 'must not be in the past' }],
      });
    }
    const db = c.get('db');
    if (
      body.siteId &&
      !(await db.selectFrom('sites').select('id').where('id', '=', body.siteId).executeTakeFirst())
    ) {
      throw new AppError('validation_failed', { errors: [{ path: 'siteId', message: 'unknown site' }] });
    }
    const day = localDay(body.date, tz);
    const start = new Date(day.start);
    const end = new Date(day.end);
    const actorId = c.get('actor')?.userId ?? null;
    const result = await runBookingTransaction(db, async (trx) => {
      const id = await insertClosingDay(trx, { ...body, start, end, createdBy: actorId });
      if (!id) return null;
      const hit = await bookingsWithin(trx, start, end, body.siteId, now);
      const flagged = await flagBookings(trx, hit, 'closing_day', now);
      await writeAudit(trx, {
        actorType: 'staff',
        actorId,
        action: 'closing_day.created',
        entityType: 'closing_day',
        entityId: id,
        detail: { date: body.date, siteId: body.siteId, flagged },
        requestId: c.get('requestId'),
      });
      return { id, flagged };
    });
    if (!result) throw new AppError('conflict', { detail: 'This day is already closed for the same scope.' });
    notifyBookingChange(c.get('deps'));
    return c.json(
      {
        closingDay: { id: result.id, date: body.date, siteId: body.siteId, reason: body.reason },
        flaggedBookings: result.flagged,
      },
      201,
    );
  })
  .delete('/api/admin/closing-days/:id', async (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) throw new AppError('not_found');
    const removed = await runBookingTransaction(c.get('db'), async (trx) => {
      const row = await deleteClosingDay(trx, id);
      if (!row) return null;
      await writeAudit(trx, {
        actorType: 'staff',
        actorId: c.get('actor')?.userId ?? null,
        action: 'closing_day.deleted',
        entityType: 'closing_day',
        entityId: id,
        detail: { date: row.date, siteId: row.site_id },
        requestId: c.get('requestId'),
      });
      return row;
    });
    if (!removed) throw new AppError('not_found');
    notifyBookingChange(c.get('deps'));
    return c.json({ status: 'deleted' });
  });
