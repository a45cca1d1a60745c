// The citizen's manage link: cancel, or move to a new time atomically (the old time is kept if the new one fails).
import { writeAudit } from '../audit/audit.ts';
import { releaseCapacity } from '../capacity/buckets.ts';
import { isClosingDayViolation } from '../closures/closures.ts';
import type { Booking, Service } from '../db/database.ts';
import { runBookingTransaction } from '../db/transaction.ts';
import {
  claimInterpreter,
  interpreterLanguageOf,
  isInterpreterUnavailable,
  prepareClaim,
} from '../interpreters/interpreters.ts';
import { queueBookingMessages } from '../notifications/booking-messages.ts';
import { cancelPendingMessages, enqueueMessage } from '../notifications/outbox.ts';
import { renderSms } from '../notifications/templates.ts';
import { generateRoomName, generateSecret, hashSecret } from '../platform/secrets.ts';
import { blockedSpan, checkStart, type StartCheck } from '../schedule/slot-engine.ts';
import { rulesOf } from '../slots/calendar.ts';
import { type BookingContext, findBookableService, joinUrlOf, manageUrlOf, SlotTaken } from './book.ts';
import { claimSlot, rankCandidates } from './placement.ts';
import { serviceName } from './present.ts';
import { findBookingById, findBookingByManageHash, markCancelled } from './repository.ts';

export type CancelResult =
  | { ok: true; booking: Booking }
  | { ok: false; reason: 'not_found' | 'not_cancellable' };

class Refused extends Error {
  constructor(readonly reason: 'not_found' | 'not_cancellable') {
    super(reason);
  }
}

/** Cancels the booking a manage token belongs to; cancelling twice is harmless. */
export function cancelByManageToken(
  ctx: BookingContext,
  tokenHash: Uint8Array,
  by: 'citizen' | 'staff' = 'citizen',
): Promise<CancelResult> {
  return ctx.bookingGate.run(() => cancelNow(ctx, tokenHash, by));
}

async function cancelNow(
  ctx: BookingContext,
  tokenHash: Uint8Array,
  by: 'citizen' | 'staff',
): Promise<CancelResult> {
  try {
    const booking = await runBookingTransaction(ctx.db, async (trx) => {
      const b = await findBookingByManageHash(trx, tokenHash, true);
      if (!b) throw new Refused('not_found');
      if (b.status === 'cancelled') return b;
      if (b.status !== 'confirmed' || new Date(b.start_at).getTime() <= ctx.now.getTime()) {
        throw new Refused('not_cancellable');
      }
      return cancelLocked(ctx, trx, b, by, null);
    });
    ctx.calendarChanged('bookings');
    return { ok: true, booking };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** Cancels a booking already locked in `trx`: status, capacity, messages, audit. */
export async function cancelLocked(
  ctx: BookingContext,
  trx: Parameters<typeof releaseCapacity>[0],
  b: Booking,
  by: 'citizen' | 'staff' | 'system',
  actorId: string | null,
  extra: Record<string, unknown> = {},
  note = '',
): Promise<Booking> {
  await markCancelled(trx, b.id, by, ctx.now);
  await releaseCapacity(trx, { start: new Date(b.start_at), end: new Date(b.end_at), kind: b.kind });
  const service = await trx
    .selectFrom('services')
    .select(['name_de', 'name_en', 'translations'])
    .where('id', '=', b.service_id)
    .executeTakeFirstOrThrow();
  const name = serviceName(service, b.language);
  if (note && b.phone_e164 && !b.sms_opt_out) {
    // Same dedupe key as the standard cancellation SMS, which then is not queued a second time.
    const text = renderSms('cancellation', b.language, {
      start: new Date(b.start_at),
      timeZone: ctx.config.TIME_ZONE,
      service: name,
    });
    await enqueueMessage(trx, {
      bookingId: b.id,
      kind: 'cancellation',
      dedupeKey: `cancellation:${b.id}`,
      recipient: b.phone_e164,
      body: `${text}\n${note}`,
    });
  }
  await queueBookingMessages(trx, {
    type: 'cancelled',
    booking: {
      id: b.id,
      start: new Date(b.start_at),
      end: new Date(b.end_at),
      phone: b.phone_e164,
      language: b.language,
      smsOptOut: b.sms_opt_out,
      serviceName: name,
      timeZone: ctx.config.TIME_ZONE,
    },
    now: ctx.now,
  });
  await writeAudit(trx, {
    actorType: by === 'staff' ? 'staff' : by === 'system' ? 'system' : 'citizen',
    actorId,
    action: 'booking.cancelled',
    entityType: 'booking',
    entityId: b.id,
    detail: { by, ...extra },
    requestId: ctx.requestId,
  });
  return { ...b, status: 'cancelled', cancelled_at: ctx.now, cancelled_by: by };
}

export type RescheduleResult =
  | { ok: true; booking: Booking; service: Service; joinCode: string }
  | { ok: false; reason: 'not_found' | 'not_reschedulable' | 'unknown_service' | 'slot_unavailable' }
  | { ok: false; reason: 'slot_invalid'; why: Exclude<StartCheck, { ok: true }>['reason'] };

/** Who moves a booking and how it is found; the citizen by manage token, an operator by id. */
interface Mover {
  by: 'citizen' | 'staff';
  actorId: string | null;
  /** Finds the booking to move, locked for update when `lock` is set. */
  find(db: Parameters<typeof findBookingById>[0], lock: boolean): Promise<Booking | undefined>;
  /** The manage link for the SMS; only the citizen's request carries the plain token. */
  manageUrl?: string;
}

/**
 * Moves a booking to `start` in one transaction: the old booking is cancelled and its capacity
 * released, the new one claimed; if the new time cannot be had, the transaction rolls back and the
 * old booking stands unchanged. The manage token moves to the new booking; the join code is new
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
      find: (db, lock) => findBookingByManageHash(db, tokenHash, lock),
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
    rescheduleNow(ctx, start, {
      by: 'staff',
      actorId,
      find: (db, lock) => findBookingById(db, bookingId, lock),
    }),
  );
}

async function rescheduleNow(ctx: BookingContext, start: Date, mover: Mover): Promise<RescheduleResult> {
  const current = await mover.find(ctx.db, false);
  if (!current) return { ok: false, reason: 'not_found' };
  if (current.status !== 'confirmed' || new Date(current.start_at).getTime() <= ctx.now.getTime()) {
    return { ok: false, reason: 'not_reschedulable' };
  }
  const service = await findBookableService(ctx.db, current.service_id);
  if (!service) return { ok: false, reason: 'unknown_service' };
  const rules = rulesOf(service);
  const timeZone = ctx.config.TIME_ZONE;
  const check = checkStart(rules, timeZone, ctx.now.getTime(), start.getTime());
  if (!check.ok) return { ok: false, reason: 'slot_invalid', why: check.reason };
  const candidates = await rankCandidates(
    ctx,
    service,
    rules,
    timeZone,
    start,
    current.id,
    ctx.config.DEFAULT_FEDERAL_STATE,
  );
  if (candidates.length === 0) return { ok: false, reason: 'slot_unavailable' };

  const end = new Date(start.getTime() + rules.durationMinutes * 60_000);
  const joinCode = generateSecret();
  const joinCodeHash = await hashSecret(joinCode);
  const roomName = generateRoomName();
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
          blockedStart: new Date(blockedSpan(rules, start.getTime()).start),
          blockedEnd: new Date(blockedSpan(rules, start.getTime()).end),
          serviceName: service.name_de,
          replacesBookingId: current.id,
        },
        interpreterLanguage,
        { timeZone, baseUrl: ctx.config.PUBLIC_BASE_URL, now: ctx.now },
      )
    : undefined;
  if (interpreter && interpreter.candidates.length === 0) return { ok: false, reason: 'slot_unavailable' };
  try {
    const booking = await runBookingTransaction(ctx.db, async (trx) => {
      const old = await mover.find(trx, true);
      if (!old) throw new Refused('not_found');
      if (old.status !== 'confirmed' || new Date(old.start_at).getTime() <= ctx.now.getTime()) {
        throw new Refused('not_cancellable');
      }
      await markCancelled(trx, old.id, mover.by, ctx.now, { clearManageToken: true });
      await releaseCapacity(trx, {
        start: new Date(old.start_at),
        end: new Date(old.end_at),
        kind: old.kind,
      });
      await cancelPendingMessages(trx, old.id);
      const claim = await claimSlot(
        trx,
        candidates,
        {
          serviceId: service.id,
          kind: 'scheduled',
          start,
          end,
          blockedStart: new Date(blockedSpan(rules, start.getTime()).start),
          blockedEnd: new Date(blockedSpan(rules, start.getTime()).end),
          joinCodeHash,
          manageTokenHash: old.manage_token_hash,
          roomName,
          phone: old.phone_e164,
          name: old.name,
          email: old.email,
          customerNumber: old.customer_number,
          language: old.language,
          rescheduledFrom: old.id,
        },
        timeZone,
      );
      if (!claim.ok) throw new SlotTaken();
      const row = claim.booking;
      if (interpreter) await claimInterpreter(trx, row.id, interpreter, timeZone);
      await queueBookingMessages(trx, {
        type: 'rescheduled',
        booking: {
          id: row.id,
          start,
          end,
          phone: row.phone_e164,
          language: row.language,
          smsOptOut: old.sms_opt_out,
          serviceName: serviceName(service, row.language),
          timeZone,
        },
        joinUrl: joinUrlOf(ctx.config, joinCode),
        ...(mover.manageUrl ? { manageUrl: mover.manageUrl } : {}),
        reminderOffsetsMinutes: ctx.config.REMINDER_OFFSETS_MINUTES,
        now: ctx.now,
      });
      await writeAudit(trx, {
        actorType: mover.by,
        actorId: mover.actorId,
        action: 'booking.rescheduled',
        entityType: 'booking',
        entityId: row.id,
        detail: { from: old.id, start: start.toISOString(), counsellorId: row.counsellor_id },
        requestId: ctx.requestId,
      });
      return row;
    });
    ctx.calendarChanged('bookings');
    return { ok: true, booking, service, joinCode };
  } catch (error) {
    if (error instanceof SlotTaken || isClosingDayViolation(error) || isInterpreterUnavailable(error))
      return { ok: false, reason: 'slot_unavailable' };
    if (error instanceof Refused) {
      return { ok: false, reason: error.reason === 'not_found' ? 'not_found' : 'not_reschedulable' };
    }
    throw error;
  }
}
