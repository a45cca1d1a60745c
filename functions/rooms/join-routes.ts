// Citizen side of a room: POST /api/join (token), /api/join/status (waiting room), /api/join/ice (the pre-call
// UDP and TURN/TLS check), /api/join/failure (statistics).
import { Hono } from 'hono';
import { writeAudit } from '../audit/audit.ts';
import type { AppEnv } from '../http/context.ts';
import { type Lang, pickLanguage } from '../http/language.ts';
import { hitClientLimit, JOIN_FAILURE_REPORTS } from '../http/limits.ts';
import { validate } from '../http/validation.ts';
import { assertJoinable } from './http-errors.ts';
import { iceCheckServers } from './ice-check-servers.ts';
import { bookingForCode } from './join-guard.ts';
import { evaluateJoinWindow, joinWindowOf } from './join-window.ts';
import { presenceForBookings } from './presence.ts';
import { insertJoinFailure, type RoomBooking } from './repository.ts';
import { issueRoomTicket, type Participant } from './room-access.ts';
import { JoinFailureSchema, JoinSchema } from './schemas.ts';
import { citizenIdentity, interpreterIdentity } from './token-scope.ts';

/** Who a join code admits: the citizen, or the booked interpreter with an identity of their own. */
async function participantOf(booking: RoomBooking, lang: Lang): Promise<Participant> {
  if (booking.interpreter) {
    return {
      role: 'interpreter',
      identity: await interpreterIdentity(booking.id, booking.interpreter.id),
      // The counsellor reads this name: German unless the page is in English, like the citizen's.
      name: lang === 'en' ? 'Interpreter' : 'Dolmetschung',
    };
  }
  return {
    role: 'citizen',
    identity: citizenIdentity(booking.id),
    name: lang === 'en' ? 'Client' : 'Kundin/Kunde',
  };
}

export const joinRoutes = new Hono<AppEnv>()
  .post('/api/join', validate('json', JoinSchema), async (c) => {
    const booking = await bookingForCode(c, c.req.valid('json').code);
    const now = c.get('clock').now();
    const closesAt = assertJoinable(booking, now, c.get('config'));
    const lang = pickLanguage(c);
    const ticket = await issueRoomTicket(
      c.get('video'),
      booking,
      await participantOf(booking, lang),
      lang,
      now,
      closesAt,
    );
    const presence = (await presenceForBookings(c.get('db'), [booking.id])).get(booking.id);
    await writeAudit(c.get('db'), {
      actorType: 'citizen',
      action: 'room.join',
      entityType: 'booking',
      entityId: booking.id,
      ...(booking.interpreter ? { detail: { participant: 'interpreter' } } : {}),
      requestId: c.get('requestId'),
    });
    c.header('cache-control', 'no-store');
    return c.json({
      ...ticket,
      waiting: !presence?.counsellor.present,
      counsellorPresent: presence?.counsellor.present ?? false,
      delayMinutes: booking.counsellor_delay_minutes ?? 0,
      interpreterLanguage: booking.interpreter_language,
    });
  })
  .post('/api/join/status', validate('json', JoinSchema), async (c) => {
    const booking = await bookingForCode(c, c.req.valid('json').code);
    const now = c.get('clock').now();
    const start = new Date(booking.start_at);
    const end = new Date(booking.end_at);
    const config = c.get('config');
    const policy = {
      opensMinutesBefore: config.JOIN_OPENS_MINUTES_BEFORE,
      closesMinutesAfter: config.JOIN_CLOSES_MINUTES_AFTER,
    };
    const window = evaluateJoinWindow({ status: booking.status, start, end }, now, policy);
    const presence = (await presenceForBookings(c.get('db'), [booking.id])).get(booking.id);
    c.header('cache-control', 'no-store');
    return c.json({
      state: window.ok ? 'open' : window.reason,
      start: start.toISOString(),
      end: end.toISOString(),
      opensAt: joinWindowOf({ start, end }, policy).opensAt.toISOString(),
      counsellorPresent: presence?.counsellor.present ?? false,
      delayMinutes: booking.counsellor_delay_minutes ?? 0,
    });
  })
  // The join page tests, before the citizen joins, whether UDP to the video host and TURN/TLS get through, with
  // TURN credentials LiveKit accepts for one minute. Only for an appointment whose room is open.
  .post('/api/join/ice', validate('json', JoinSchema), async (c) => {
    const booking = await bookingForCode(c, c.req.valid('json').code);
    const now = c.get('clock').now();
    const config = c.get('config');
    assertJoinable(booking, now, config);
    c.header('cache-control', 'no-store');
    return c.json(await iceCheckServers(config, now));
  })
  .post('/api/join/failure', validate('json', JoinFailureSchema), async (c) => {
    const now = c.get('clock').now();
    await hitClientLimit(c, JOIN_FAILURE_REPORTS);
    const body = c.req.valid('json');
    // A report with a wrong or missing code still counts for the statistics, just without a booking.
    const bookingId = body.code
      ? await bookingForCode(c, body.code).then(
          (b) => b.id,
          () => null,
        )
      : null;
    await insertJoinFailure(c.get('db'), { bookingId, browser: body.browser, reason: body.reason, at: now });
    return c.json({ status: 'recorded' }, 201);
  });
