// Operator API for interpreters: list, add, edit (languages, hours, active); deactivating flags their bookings.
import { Hono } from 'hono';
import { auditStaff } from '../audit/audit.ts';
import { flagUpcomingBookings } from '../capacity/flags.ts';
import { runBookingTransaction } from '../db/transaction.ts';
import type { StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { isUuid } from '../http/schemas.ts';
import { validate } from '../http/validation.ts';
import { insertInterpreter, listInterpreters, updateInterpreter } from './repository.ts';
import { InterpreterCreateSchema, InterpreterUpdateSchema } from './schemas.ts';

export const interpreterAdminRoutes = new Hono<StaffEnv>()
  .get('/interpreters', async (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ interpreters: await listInterpreters(c.get('db')) });
  })
  .post('/interpreters', validate('json', InterpreterCreateSchema), async (c) => {
    const body = c.req.valid('json');
    const id = await runBookingTransaction(c.get('db'), async (trx) => {
      const id = await insertInterpreter(trx, body);
      await auditStaff(c, 'interpreter.created', {
        entityType: 'interpreter',
        entityId: id,
        detail: { languages: body.languages },
        db: trx,
      });
      return id;
    });
    c.get('deps').calendarChanged('all');
    return c.json({ interpreter: (await listInterpreters(c.get('db'), id))[0] }, 201);
  })
  .put('/interpreters/:id', validate('json', InterpreterUpdateSchema), async (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) throw new AppError('not_found');
    const body = c.req.valid('json');
    const now = c.get('clock').now();
    const flagged = await runBookingTransaction(c.get('db'), async (trx) => {
      if (!(await updateInterpreter(trx, id, body, now))) throw new AppError('not_found');
      // An interpreter who stops working leaves appointments that need a new time (or another interpreter).
      const count =
        body.active === false
          ? await flagUpcomingBookings(trx, 'interpreter_unavailable', now, (q) =>
              q
                .innerJoin('interpreter_bookings as ib', 'ib.booking_id', 'b.id')
                .where('ib.interpreter_id', '=', id)
                .where('ib.status', '=', 'confirmed'),
            )
          : 0;
      await auditStaff(c, 'interpreter.updated', {
        entityType: 'interpreter',
        entityId: id,
        detail: { fields: Object.keys(body), flagged: count },
        db: trx,
      });
      return count;
    });
    c.get('deps').calendarChanged('all');
    return c.json({ interpreter: (await listInterpreters(c.get('db'), id))[0], flaggedBookings: flagged });
  });
