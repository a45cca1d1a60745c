// POST /api/staff/adhoc-sessions: the counsellor starts a session now, from the ad-hoc capacity reserve.
import { Hono } from 'hono';
import { createAdhocBooking } from '../bookings/adhoc.ts';
import type { StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { normalizeMobilePhone } from '../platform/phone.ts';
import { AdhocSessionSchema } from './schemas.ts';

function phoneOrNull(input: string | null | undefined): string | null {
  if (!input) return null;
  const phone = normalizeMobilePhone(input);
  if (phone.ok) return phone.e164;
  throw new AppError('validation_failed', {
    detail: 'The phone number is not a mobile number.',
    errors: [
      { path: 'phone', message: phone.reason === 'not_mobile' ? 'must be a mobile number' : 'is invalid' },
    ],
  });
}

export const adhocRoutes = new Hono<StaffEnv>().post(
  '/adhoc-sessions',
  validate('json', AdhocSessionSchema),
  async (c) => {
    const actor = c.get('actor');
    if (!actor.counsellorId) throw new AppError('forbidden', { detail: 'Only counsellors hold sessions.' });
    const body = c.req.valid('json');
    const result = await createAdhocBooking(c.get('deps'), {
      counsellorId: actor.counsellorId,
      phone: phoneOrNull(body.phone),
      name: body.name || null,
      language: body.language ?? 'de',
      now: c.get('clock').now(),
      config: c.get('config'),
      actorId: actor.userId,
      requestId: c.get('requestId'),
    });
    if (!result.ok && result.reason === 'capacity_unavailable')
      throw new AppError('adhoc_capacity_unavailable', {
        detail: 'The video system has no capacity left for an immediate session. Please book a slot instead.',
      });
    if (!result.ok)
      throw new AppError('counsellor_busy', { detail: 'You have another appointment right now.' });
    const b = result.booking;
    c.header('cache-control', 'no-store');
    return c.json(
      {
        booking: {
          id: b.id,
          service: b.service_id,
          kind: b.kind,
          start: new Date(b.start_at).toISOString(),
          end: new Date(b.end_at).toISOString(),
          status: b.status,
        },
        joinUrl: result.joinUrl,
      },
      201,
    );
  },
);
