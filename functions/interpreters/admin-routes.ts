// Operator API for interpreters: list, add, edit (languages, hours, active); deactivating flags their bookings.
import { Hono } from 'hono';
import { isUuid } from '../agenda/access.ts';
import { writeAudit } from '../audit/audit.ts';
import { runBookingTransaction } from '../bookings/transaction.ts';
import { flagBookings } from '../capacity/repository.ts';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { notifyBookingChange } from '../slots/cache.ts';
import { requireStaff } from '../staff/middleware.ts';
import { insertInterpreter, listInterpreters, updateInterpreter } from './repository.ts';
import { InterpreterCreateSchema, InterpreterUpdateSchema } from './schemas.ts';

export const interpreterAdminRoutes = new Hono<AppEnv>()
  .use('/api/admin/interpreters', requireStaff(['operator']))
  .use('/api/admin/interpreters/*', requireStaff(['operator']))
  .get('/api/admin/interpreters', async (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ interpreters: await listInterpreters(c.get('db')) });
  })
  .post('/api/admin/interpreters', validate('json', InterpreterCreateSchema), async (c) => {
    const body = c.req.valid('json');
    const id = await runBookingTransaction(c.get('db'), async (trx) => {
      const id = await insertInterpreter(trx, body);
      await writeAudit(trx, {
        actorType: 'staff',
        actorId: c.get('actor')?.userId ?? null,
        action: 'interpreter.created',
        entityType: 'interpreter',
        entityId: id,
        detail: { languages: body.languages },
        requestId: c.get('requestId'),
      });
      return id;
    });
    notifyBookingChange(c.get('deps'));
    return c.json({ interpreter: (await listInterpreters(c.get('db'), id))[0] }, 201);
  })
  .put('/api/admin/interpreters/:id', validate('json', InterpreterUpdateSchema), async (c) => {
    const id = c.req.param('id');
    if (!isUuid(id)) throw new AppError('not_found');
    const body = c.req.valid('json');
    const now = c.get('clock').now();
    const flagged = await runBookingTransaction(c.get('db'), async (trx) => {
      if (!(await updateInterpreter(trx, id, body, now))) throw new AppError('not_found');
      // An interpreter who stops working leaves appointments that need a new time (or another interpreter).
      const hit =
        body.active === false
          ? await trx
              .selectFrom('interpreter_bookings as ib')
              .innerJoin('bookings as b', 'b.id', 'ib.booking_id')
              .select('b.id')
              .where('ib.interpreter_id', '=', id)
              .where('ib.status', '=', 'confirmed')
              .where('b.status', '=', 'confirmed')
              .where('b.start_at', '>', now)
              .execute()
          : [];
      const count = await flagBookings(
        trx,
        hit.map((b) => b.id),
        'interpreter_unavailable',
        now,
      );
      await writeAudit(trx, {
        actorType: 'staff',
        actorId: c.get('actor')?.userId ?? null,
        action: 'interpreter.updated',
        entityType: 'interpreter',
        entityId: id,
        detail: { fields: Object.keys(body), flagged: count },
        requestId: c.get('requestId'),
      });
      return count;
    });
    notifyBookingChange(c.get('deps'));
    return c.json({ interpreter: (await listInterpreters(c.get('db'), id))[0], flaggedBookings: flagged });
  });
