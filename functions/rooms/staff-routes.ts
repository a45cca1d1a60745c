// Counsellor side of a room: join as room admin, presence, end the session, remove a participant.
import { type Context, Hono } from 'hono';
import { writeAudit } from '../audit/audit.ts';
import type { StaffEnv } from '../http/context.ts';
import { pickStaffLanguage } from '../http/language.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { assertJoinable } from './http-errors.ts';
import { derivePresence, presenceForBookings } from './presence.ts';
import { completeBooking, findBookingById, type RoomBooking } from './repository.ts';
import { issueRoomTicket } from './room-access.ts';
import { RemoveParticipantSchema } from './schemas.ts';
import { citizenIdentity, counsellorIdentity, parseIdentity } from './token-scope.ts';

// Per route rather than `use()`: middleware on a path pattern would also run for other features' routes.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The booking behind `:id` if the logged-in user counsels it. Operators may look and end sessions
 * (`operatorMay`), but never enter another counsellor's room.
 */
async function ownBooking(c: Context<StaffEnv>, operatorMay: boolean): Promise<RoomBooking> {
  const id = c.req.param('id') ?? '';
  const booking = UUID.test(id) ? await findBookingById(c.get('db'), id.toLowerCase()) : undefined;
  if (!booking) throw new AppError('not_found', { detail: 'No such appointment.' });
  const actor = c.get('actor');
  if (actor.counsellorId === booking.counsellor_id) return booking;
  if (operatorMay && actor.role === 'operator') return booking;
  throw new AppError('forbidden', { detail: 'This is another counsellor’s appointment.' });
}

function audit(c: Context<StaffEnv>, action: string, bookingId: string, detail?: Record<string, unknown>) {
  return writeAudit(c.get('db'), {
    actorType: 'staff',
    actorId: c.get('actor').userId,
    action,
    entityType: 'booking',
    entityId: bookingId,
    requestId: c.get('requestId'),
    ...(detail ? { detail } : {}),
  });
}

export const staffRoomRoutes = new Hono<StaffEnv>()
  .post('/bookings/:id/join', async (c) => {
    const booking = await ownBooking(c, false);
    const actor = c.get('actor');
    const now = c.get('clock').now();
    const closesAt = assertJoinable(booking, now, c.get('config'));
    const ticket = await issueRoomTicket(
      c.get('video'),
      booking,
      {
        role: 'counsellor',
        identity: await counsellorIdentity(booking.id, actor.userId),
        name: actor.displayName,
      },
      pickStaffLanguage(c),
      now,
      closesAt,
    );
    const presence = (await presenceForBookings(c.get('db'), [booking.id])).get(booking.id);
    await audit(c, 'room.join', booking.id);
    c.header('cache-control', 'no-store');
    return c.json({ ...ticket, bookingId: booking.id, citizenPresent: presence?.citizen.present ?? false });
  })
  .get('/bookings/:id/presence', async (c) => {
    const booking = await ownBooking(c, true);
    const presence =
      (await presenceForBookings(c.get('db'), [booking.id])).get(booking.id) ?? derivePresence({}, null);
    c.header('cache-control', 'no-store');
    return c.json({ bookingId: booking.id, status: booking.status, ...presence });
  })
  .post('/bookings/:id/end', async (c) => {
    const booking = await ownBooking(c, true);
    if (booking.status === 'cancelled')
      throw new AppError('booking_cancelled', { detail: 'This appointment was cancelled.' });
    // The room goes first: if the video service is down, nothing changes and the caller may retry.
    await c.get('video').deleteRoom(booking.room_name);
    const now = c.get('clock').now();
    const ended = await completeBooking(c.get('db'), booking.id, now);
    if (ended) await audit(c, 'room.end', booking.id);
    return c.json({ booking: { id: booking.id, status: ended ? 'completed' : booking.status } });
  })
  .post('/bookings/:id/remove-participant', validate('json', RemoveParticipantSchema), async (c) => {
    const booking = await ownBooking(c, false);
    const identity = c.req.valid('json').identity ?? citizenIdentity(booking.id);
    const parsed = parseIdentity(identity);
    if (parsed.role === 'other' || parsed.bookingId !== booking.id)
      throw new AppError('validation_failed', {
        detail: 'That participant does not belong to this appointment.',
        errors: [{ path: 'identity', message: 'is not a participant of this appointment' }],
      });
    await c.get('video').removeParticipant(booking.room_name, identity);
    await audit(c, 'room.remove_participant', booking.id, { role: parsed.role });
    return c.json({ removed: identity });
  });
