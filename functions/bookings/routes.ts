// POST /api/bookings: a citizen books a free slot; 201 with join and manage links, or 409 when it is gone.

import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Config } from '../env.ts';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { bookingContext, bookSlot, joinUrlOf, manageUrlOf } from './book.ts';
import { assertCustomerNumber, assertPhoneCountry, hitBookingLimits, syncPhoneLimits } from './limits.ts';
import { publicBooking } from './present.ts';
import { type Replay, type RequestKey, RequestKeyTaken, replayOf, requestKeyOf } from './request-keys.ts';
import { BookingBodySchema } from './schemas.ts';
import { consumeCode, needsVerification, phoneBookingsToday, requireCode } from './verification.ts';

const WHY: Record<string, string> = {
  off_grid: 'The start time is not one of the offered slot times.',
  in_past: 'The start time is in the past.',
  too_soon: 'The start time is sooner than the minimum notice allows.',
  beyond_horizon: 'The start time is further ahead than bookings are accepted.',
};

export function slotInvalid(why: string): AppError {
  return new AppError('slot_invalid', { detail: WHY[why] ?? 'Not a bookable slot.', extra: { reason: why } });
}

export const bookingRoutes = new Hono<AppEnv>().post(
  '/api/bookings',
  validate('json', BookingBodySchema),
  async (c) => {
    const body = c.req.valid('json');
    const config = c.get('config');
    assertPhoneCountry(config, body.phone);
    assertCustomerNumber(config, body.customerNumber);
    // A repeat of an answered request gets that answer, before any limit counts it again.
    const requestKey = await requestKeyOf(c.req.header('idempotency-key'), body);
    const earlier = requestKey ? await replayOf(c.get('db'), requestKey) : null;
    if (earlier) return created(c, config, earlier, true);
    const clientShare = await hitBookingLimits(c, body.service);
    const now = c.get('clock').now();
    if (body.verification) await consumeCode(c.get('db'), body.verification, body.phone, now);
    else if (
      needsVerification(config.BOOKING_PHONE_VERIFICATION, {
        clientShare,
        phoneBookingsToday:
          config.BOOKING_PHONE_VERIFICATION === 'suspicious'
            ? await phoneBookingsToday(c.get('db'), body.phone)
            : 0,
      })
    )
      await requireCode({ db: c.get('db'), sms: c.get('sms'), config }, body.phone, body.language, now);
    await syncPhoneLimits(c.get('db'), config);
    const result = await bookSlot(bookingContext(c), {
      requestKey,
      consent: { at: c.get('clock').now().toISOString(), noticeVersion: config.PRIVACY_NOTICE_VERSION },
      serviceId: body.service,
      start: body.start,
      phone: body.phone,
      name: body.name,
      // Not collected: no feature sends e-mail, so an address would be personal data kept for nothing.
      email: null,
      customerNumber: body.customerNumber,
      language: body.language,
      interpreter: body.interpreter,
    }).catch((e: unknown) => replayTaken(c, e, requestKey));
    if ('replay' in result) return created(c, config, result.replay, true);
    if (!result.ok) {
      if (result.reason === 'phone_limit') throw result.error;
      if (result.reason === 'unknown_service') throw new AppError('unknown_service');
      if (result.reason === 'slot_invalid') throw slotInvalid(result.why);
      if (result.reason === 'interpreter_unavailable') {
        throw new AppError('slot_unavailable', {
          detail: 'No interpreter for this language is free at this time. Please choose another.',
          extra: { reason: 'interpreter_unavailable' },
        });
      }
      throw new AppError('slot_unavailable', {
        detail: 'This time is no longer free. Please choose another.',
      });
    }
    return created(c, config, result, false);
  },
);

/** A concurrent request with the same key won: answer with its booking. */
async function replayTaken(
  c: Context<AppEnv>,
  error: unknown,
  key: RequestKey | null,
): Promise<{ replay: Replay }> {
  const replay = error instanceof RequestKeyTaken && key ? await replayOf(c.get('db'), key) : null;
  if (!replay) throw error;
  return { replay };
}

function created(c: Context<AppEnv>, config: Config, r: Replay, replayed: boolean): Response {
  if (replayed) c.header('idempotent-replayed', 'true');
  return c.json(
    {
      booking: publicBooking(r.booking, config.TIME_ZONE),
      joinUrl: joinUrlOf(config, r.joinCode),
      manageUrl: manageUrlOf(config, r.manageToken),
    },
    201,
  );
}
