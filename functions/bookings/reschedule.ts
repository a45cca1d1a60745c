// Moving a booking to a new time in one statement (claim_booking with p_moves): the old time stands if the new one fails.
import type { Booking, Service } from '../db/database.ts';
import { retryTransient } from '../db/transaction.ts';
import { interpreterLanguageOf, prepareClaim } from '../interpreters/interpreters.ts';
import { newTimeMessages } from '../notifications/booking-messages.ts';
import { outboxRowsJson } from '../notifications/outbox.ts';
import { generateRoomName, generateSecret, hashSecret } from '../platform/secrets.ts';
import { blockedSpan, type StartCheck } from '../schedule/slot-engine.ts';
import { type BookingContext, findBookableService, joinUrlOf, manageUrlOf } from './book.ts';
import { claimBooking, claimRefusalOf } from './claim.ts';
import { placeStart } from './placement.ts';
import { serviceName } from './present.ts';
import { findBookingById, findBookingByManageHash } from './repository.ts';

export type RescheduleResult =
  | { ok: true; booking: Booking; service: Service; joinCode: string }
  | { ok: false; reason: 'not_found' | 'not_reschedulable' | 'unknown_service' | 'slot_unavailable' }
  | { ok: false; reason: 'slot_invalid'; why: Exclude<StartCheck, { ok: true }>['reason'] };

/** Who moves a booking and how it is found; the citizen by manage token, an operator by id. */
interface Mover {
  by: 'citizen' | 'staff';
  actorId: string | null;
  find(ctx: BookingContext): Promise<Booking | undefined>;
  /** The manage link for the SMS; only the citizen's request carries the plain token. */
  manageUrl?: string;
}

/**
 * Moves a booking to `start` in one statement: the old booking is cancelled and its capacity and
 * interpreter released, the new one claimed with the same rules as a new booking; if the new time
 * cannot be had, nothing changes. The manage token moves to the new booking; the join code is new
 * (codes are stored only hashed) and goes out in the "rescheduled" SMS.
 */
export function rescheduleByManageToken(
  ctx: BookingContext,
  token: string,
  start: Date,
): Promise<RescheduleResult> {
  return ctx.bookingGate.run(async () => {
    const tokenHash = await hashSecret(token);
    return rescheduleNow(ctx, start, {
      by: 'citizen',
      actorId: null,
      find: (c) => findBookingByManageHash(c.db, tokenHash),
      manageUrl: manageUrlOf(ctx.config, token),
    });
  });
}

/**
 * An operator moves a booking (typically one flagged for rebooking) with the same guarantees. The
 * new row starts unflagged; the citizen's manage link keeps working, but since only its hash is
 * stored, the "rescheduled" SMS carries the new join link alone.
 */
export function rescheduleByStaff(
  ctx: BookingContext,
  bookingId: string,
  start: Date,
  actorId: string | null,
): Promise<RescheduleResult> {
  return ctx.bookingGate.run(() =>
    rescheduleNow(ctx, start, { by: 'staff', actorId, find: (c) => findBookingById(c.db, bookingId) }),
  );
}

async function rescheduleNow(ctx: BookingContext, start: Date, mover: Mover): Promise<RescheduleResult> {
  const current = await mover.find(ctx);
  if (!current) return { ok: false, reason: 'not_found' };
  if (current.status !== 'confirmed' || new Date(current.start_at).getTime() <= ctx.now.getTime()) {
    return { ok: false, reason: 'not_reschedulable' };
  }
  const service = await findBookableService(ctx.db, current.service_id);
  if (!service) return { ok: false, reason: 'unknown_service' };
  const placed = await placeStart(ctx, service, start);
  if (!placed.ok) return { ok: false, reason: 'slot_invalid', why: placed.why };
  const { rules, candidates } = placed;
  const timeZone = ctx.config.TIME_ZONE;
  if (candidates.length === 0) return { ok: false, reason: 'slot_unavailable' };

  const id = crypto.randomUUID();
  const end = new Date(start.getTime() + rules.durationMinutes * 60_000);
  const blocked = blockedSpan(rules, start.getTime());
  const joinCode = generateSecret();
  // The interpreter comes along: the same language is claimed for the new time, or the move fails.
  const interpreterLanguage = await interpreterLanguageOf(ctx.db, current.id);
  const interpreter = interpreterLanguage
    ? await prepareClaim(
        ctx.db,
        {
          // Names the message's dedupe key only; the claim itself goes to the new booking.
          bookingId: current.id,
          kind: 'scheduled',
          start,
          blockedStart: new Date(blocked.start),
          blockedEnd: new Date(blocked.end),
          serviceName: service.name_de,
          replacesBookingId: current.id,
        },
        interpreterLanguage,
        { timeZone, baseUrl: ctx.config.PUBLIC_BASE_URL, now: ctx.now },
      )
    : undefined;
  if (interpreter && interpreter.candidates.length === 0) return { ok: false, reason: 'slot_unavailable' };
  const messages = newTimeMessages({
    type: 'rescheduled',
    booking: {
      id,
      start,
      end,
      phone: current.phone_e164,
      language: current.language,
      smsOptOut: current.sms_opt_out,
      serviceName: serviceName(service, current.language),
      timeZone,
    },
    joinUrl: joinUrlOf(ctx.config, joinCode),
    ...(mover.manageUrl ? { manageUrl: mover.manageUrl } : {}),
    reminderOffsetsMinutes: ctx.config.REMINDER_OFFSETS_MINUTES,
    now: ctx.now,
  });
  const claim = {
    id,
    kind: 'scheduled' as const,
    candidates,
    serviceId: service.id,
    start,
    end,
    blockedStart: new Date(blocked.start),
    blockedEnd: new Date(blocked.end),
    joinCodeHash: await hashSecret(joinCode),
    roomName: generateRoomName(),
    timeZone,
    now: ctx.now,
    moves: current.id,
    messagesJson: await outboxRowsJson(messages),
    interpreter,
    audit: { actorType: mover.by, actorId: mover.actorId, requestId: ctx.requestId },
  };
  try {
    const booking = await retryTransient(() => claimBooking(ctx.db, claim));
    if (!booking) return { ok: false, reason: 'slot_unavailable' };
    ctx.calendarChanged('bookings');
    return { ok: true, booking, service, joinCode };
  } catch (error) {
    const refusal = claimRefusalOf(error);
    if (refusal === 'not_movable') return { ok: false, reason: 'not_reschedulable' };
    if (refusal) return { ok: false, reason: 'slot_unavailable' };
    throw error;
  }
}
