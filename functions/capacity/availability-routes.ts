// Weekly hours and absences: counsellors keep their own, operators any counsellor's; clashing bookings get flagged.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { runBookingTransaction } from '../db/transaction.ts';
import type { StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { idParam, idParams } from '../http/schemas.ts';
import { validate } from '../http/validation.ts';
import { formatInZone } from '../platform/time-zone.ts';
import {
  addAbsence,
  listAbsences,
  listWorkingHours,
  lockCounsellor,
  replaceWorkingHours,
} from './availability.ts';
import { AbsenceBodySchema, WorkingHoursBodySchema } from './schemas.ts';

function ownCounsellor(c: Context<StaffEnv>): string {
  const id = c.get('actor').counsellorId;
  if (!id) throw new AppError('forbidden', { detail: 'Only counsellors have working hours and absences.' });
  return id;
}

function absenceJson(c: Context<StaffEnv>, a: { id: string; s: Date; e: Date; reason: string }) {
  const tz = c.get('config').TIME_ZONE;
  return {
    id: a.id,
    start: formatInZone(new Date(a.s).getTime(), tz),
    end: formatInZone(new Date(a.e).getTime(), tz),
    reason: a.reason,
  };
}

async function createAbsence(
  c: Context<StaffEnv>,
  counsellorId: string,
  body: { start: Date; end: Date; reason: string },
) {
  const now = c.get('clock').now();
  const actor = { userId: c.get('actor').userId ?? null, requestId: c.get('requestId') };
  const result = await runBookingTransaction(c.get('db'), async (trx) => {
    if (!(await lockCounsellor(trx, counsellorId))) return null;
    return addAbsence(trx, counsellorId, body, now, actor);
  });
  if (!result) throw new AppError('not_found');
  c.get('deps').calendarChanged('all');
  return c.json(
    {
      absence: absenceJson(c, { id: result.id, s: body.start, e: body.end, reason: body.reason }),
      flaggedBookings: result.flagged,
    },
    201,
  );
}

async function deleteAbsence(c: Context<StaffEnv>, counsellorId: string, absenceId: string) {
  const result = await c
    .get('db')
    .deleteFrom('absences')
    .where('id', '=', absenceId)
    .where('counsellor_id', '=', counsellorId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('not_found');
  c.get('deps').calendarChanged('all');
  return c.json({ deleted: absenceId });
}

async function putHours(
  c: Context<StaffEnv>,
  counsellorId: string,
  hours: { weekday: number; start: string; end: string }[],
) {
  const now = c.get('clock').now();
  const actor = { userId: c.get('actor').userId ?? null, requestId: c.get('requestId') };
  const flagged = await runBookingTransaction(c.get('db'), async (trx) => {
    if (!(await lockCounsellor(trx, counsellorId))) return null;
    return replaceWorkingHours(trx, counsellorId, hours, c.get('config').TIME_ZONE, now, actor);
  });
  if (flagged === null) throw new AppError('not_found');
  c.get('deps').calendarChanged('all');
  return c.json({ hours: await listWorkingHours(c.get('db'), counsellorId), flaggedBookings: flagged });
}

/** Mounted on /api/staff: a counsellor's own hours and absences. */
export const staffAvailabilityRoutes = new Hono<StaffEnv>()
  .get('/working-hours', async (c) =>
    c.json({ hours: await listWorkingHours(c.get('db'), ownCounsellor(c)) }),
  )
  .put('/working-hours', validate('json', WorkingHoursBodySchema), async (c) =>
    putHours(c, ownCounsellor(c), c.req.valid('json').hours),
  )
  .get('/absences', async (c) => {
    const rows = await listAbsences(c.get('db'), ownCounsellor(c), c.get('clock').now());
    return c.json({ absences: rows.map((a) => absenceJson(c, a)) });
  })
  .post('/absences', validate('json', AbsenceBodySchema), async (c) =>
    createAbsence(c, ownCounsellor(c), c.req.valid('json')),
  )
  .delete('/absences/:id', idParam, async (c) => deleteAbsence(c, ownCounsellor(c), c.req.valid('param').id));

/** Mounted on /api/admin: any counsellor's. */
export const adminAvailabilityRoutes = new Hono<StaffEnv>()
  .get('/counsellors/:id/working-hours', idParam, async (c) =>
    c.json({ hours: await listWorkingHours(c.get('db'), c.req.valid('param').id) }),
  )
  .put('/counsellors/:id/working-hours', idParam, validate('json', WorkingHoursBodySchema), async (c) =>
    putHours(c, c.req.valid('param').id, c.req.valid('json').hours),
  )
  .get('/counsellors/:id/absences', idParam, async (c) => {
    const rows = await listAbsences(c.get('db'), c.req.valid('param').id, c.get('clock').now());
    return c.json({ absences: rows.map((a) => absenceJson(c, a)) });
  })
  .post('/counsellors/:id/absences', idParam, validate('json', AbsenceBodySchema), async (c) =>
    createAbsence(c, c.req.valid('param').id, c.req.valid('json')),
  )
  .delete('/counsellors/:id/absences/:absenceId', idParams('id', 'absenceId'), async (c) => {
    const { id, absenceId } = c.req.valid('param');
    return deleteAbsence(c, id, absenceId);
  });
