// GET /api/slots: free, capacity-aware slots per day for one service, never naming a counsellor.
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { REVALIDATE_HEADER } from '../platform/body-cache.ts';
import { daysBetween } from '../platform/time-zone.ts';
import { findService } from '../services/catalogue.ts';
import { buildCalendar } from './calendar.ts';
import { MAX_RANGE_DAYS, SlotQuerySchema } from './schemas.ts';

export const slotRoutes = new Hono<AppEnv>().get(
  '/api/slots',
  validate('query', SlotQuerySchema),
  async (c) => {
    const { service: serviceId, from, to, interpreter } = c.req.valid('query');
    const span = daysBetween(from, to);
    if (span < 0) {
      throw new AppError('invalid_request', {
        detail: '`to` must not be before `from`.',
        errors: [{ path: 'to', message: 'must not be before from' }],
      });
    }
    if (span > MAX_RANGE_DAYS) {
      throw new AppError('invalid_request', {
        detail: `The range may span at most ${MAX_RANGE_DAYS} days.`,
        errors: [{ path: 'to', message: `must be at most ${MAX_RANGE_DAYS} days after from` }],
      });
    }
    const db = c.get('db');
    const { TIME_ZONE: timeZone, DEFAULT_FEDERAL_STATE: defaultState } = c.get('config');
    const clock = c.get('clock');
    const body = await c.get('deps').slotCache.get(
      `${serviceId}|${from}|${to}|${interpreter ?? ''}`,
      async () => {
        const service = await findService(db, serviceId);
        if (!service?.active)
          throw new AppError('unknown_service', { detail: `No bookable service "${serviceId}".` });
        const days = await buildCalendar(
          db,
          service,
          timeZone,
          defaultState,
          clock.now(),
          from,
          to,
          interpreter,
        );
        return new TextEncoder().encode(JSON.stringify({ service: service.id, timeZone, days }));
      },
      { revalidate: c.req.header(REVALIDATE_HEADER) === '1' },
    );
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
  },
);
