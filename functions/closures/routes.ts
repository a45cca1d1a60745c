// Operator API for closing days (agency-wide or per site) and the public holidays in force, with rebooking flags.
import { Hono } from 'hono';
import { auditedChange, writeAudit } from '../audit/audit.ts';
import { flagUpcomingBookings } from '../capacity/flags.ts';
import { runBookingTransaction } from '../db/transaction.ts';
import type { StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { isUuid } from '../http/schemas.ts';
import { validate } from '../http/validation.ts';
import { addDays, localDateOf, localDay } from '../platform/time-zone.ts';
import { holidaysBySiteRegion } from './holiday-overview.ts';
import { deleteClosingDay, insertClosingDay, listClosingDays, scheduledOnSiteDuring } from './repository.ts';
import { ClosingDayBodySchema, ClosingDayQuerySchema } from './schemas.ts';

/** How far ahead the console lists public holidays. */
const HOLIDAY_DAYS_SHOWN = 400;

export const closingDayRoutes = new Hono<StaffEnv>()
  .get('/closing-days', validate('query', ClosingDayQuerySchema), async (c) => {
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
  .post('/closing-days', validate('json', ClosingDayBodySchema), async (c) => {
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
    const actorId = c.get('actor').userId ?? null;
    const result = await runBookingTransaction(db, async (trx) => {
      const id = await insertClosingDay(trx, { ...body, start, end, createdBy: actorId });
      if (!id) return null;
      const flagged = await flagUpcomingBookings(
        trx,
        'closing_day',
        now,
        scheduledOnSiteDuring(start, end, body.siteId ?? null),
      );
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
    c.get('deps').calendarChanged('all');
    return c.json(
      {
        closingDay: { id: result.id, date: body.date, siteId: body.siteId, reason: body.reason },
        flaggedBookings: result.flagged,
      },
      201,
    );
  })
  .delete('/closing-days/:id', async (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) throw new AppError('not_found');
    const removed = await auditedChange(
      c,
      (trx) => deleteClosingDay(trx, id),
      (row) => ({
        action: 'closing_day.deleted',
        entityType: 'closing_day',
        entityId: id,
        detail: { date: row.date, siteId: row.site_id },
      }),
    );
    if (!removed) throw new AppError('not_found');
    c.get('deps').calendarChanged('all');
    return c.json({ status: 'deleted' });
  });
