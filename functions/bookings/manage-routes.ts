// The citizen's manage link: view, cancel, reschedule and download the appointment, by token only.

import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { pickLanguage } from '../http/language.ts';
import { guardedLookup, MANAGE_MISSES } from '../http/limits.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { hashSecret, looksLikeSecret } from '../platform/secrets.ts';
import { bookingContext, joinUrlOf, manageUrlOf } from './book.ts';
import { bookingToIcs } from './ics.ts';
import { cancelByManageToken } from './manage.ts';
import { publicBooking, serviceName } from './present.ts';
import { findBookingByManageHash, findRescheduleRoot } from './repository.ts';
import { rescheduleByManageToken } from './reschedule.ts';
import { slotInvalid } from './routes.ts';
import { RescheduleBodySchema } from './schemas.ts';

function unknownToken(): AppError {
  return new AppError('not_found', { detail: 'Unknown or expired link.' });
}

/** The token, its hash and its booking; unknown tokens are counted per client (MANAGE_MISSES). */
async function tokenHashOf(c: Context<AppEnv>) {
  const token = c.req.param('token') ?? '';
  const hash = await hashSecret(token);
  const booking = await guardedLookup(
    c,
    MANAGE_MISSES,
    async () => (looksLikeSecret(token) ? findBookingByManageHash(c.get('db'), hash) : undefined),
    unknownToken,
  );
  return { token, hash, booking };
}

async function loadByToken(c: Context<AppEnv>) {
  const { token, booking } = await tokenHashOf(c);
  const service = await c
    .get('db')
    .selectFrom('services')
    .select(['name_de', 'name_en', 'translations'])
    .where('id', '=', booking.service_id)
    .executeTakeFirstOrThrow();
  return { token, booking, service };
}

export const manageRoutes = new Hono<AppEnv>()
  .get('/api/bookings/manage/:token', async (c) => {
    const { booking, service } = await loadByToken(c);
    c.header('cache-control', 'no-store');
    return c.json({
      booking: {
        ...publicBooking(booking, c.get('config').TIME_ZONE),
        serviceName: serviceName(service, pickLanguage(c)),
        needsRebooking: booking.needs_rebooking,
      },
    });
  })
  .delete('/api/bookings/manage/:token', async (c) => {
    const { hash } = await tokenHashOf(c);
    const result = await cancelByManageToken(bookingContext(c), hash);
    if (!result.ok) {
      if (result.reason === 'not_found')
        throw new AppError('not_found', { detail: 'Unknown or expired link.' });
      throw new AppError('conflict', { detail: 'This appointment can no longer be cancelled.' });
    }
    return c.json({ booking: publicBooking(result.booking, c.get('config').TIME_ZONE) });
  })
  .post('/api/bookings/manage/:token/reschedule', validate('json', RescheduleBodySchema), async (c) => {
    const { token } = await tokenHashOf(c);
    const config = c.get('config');
    const result = await rescheduleByManageToken(bookingContext(c), token, c.req.valid('json').start);
    if (!result.ok) {
      switch (result.reason) {
        case 'not_found':
          throw new AppError('not_found', { detail: 'Unknown or expired link.' });
        case 'not_reschedulable':
          throw new AppError('conflict', { detail: 'This appointment can no longer be moved.' });
        case 'unknown_service':
          throw new AppError('unknown_service');
        case 'slot_invalid':
          throw slotInvalid(result.why);
        case 'slot_unavailable':
          throw new AppError('slot_unavailable', {
            detail: 'This time is no longer free. Please choose another.',
          });
      }
    }
    return c.json({
      booking: publicBooking(result.booking, config.TIME_ZONE),
      joinUrl: joinUrlOf(config, result.joinCode),
      manageUrl: manageUrlOf(config, token),
    });
  })
  .get('/api/bookings/manage/:token/ics', async (c) => {
    const { booking, service } = await loadByToken(c);
    const config = c.get('config');
    // The language the request asks for (the page adds ?lang=), else the one the citizen booked in.
    const asks = c.req.query('lang') || c.req.header('accept-language');
    const lang = asks ? pickLanguage(c) : booking.language;
    const chain = await findRescheduleRoot(c.get('db'), booking.id);
    const text = bookingToIcs(booking, {
      ...chain,
      serviceName: serviceName(service, lang),
      homeUrl: `${config.PUBLIC_BASE_URL}/`,
      language: lang,
      host: new URL(config.PUBLIC_BASE_URL).hostname,
    });
    return c.body(text, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="termin.ics"',
      'cache-control': 'no-store',
    });
  });
