// Cancelling a booking: by the citizen's manage link, or by staff and the system inside their own transaction.
import { writeAudit } from '../audit/audit.ts';
import { releaseCapacity } from '../capacity/buckets.ts';
import type { Booking } from '../db/database.ts';
import { runBookingTransaction } from '../db/transaction.ts';
import { queueBookingMessages } from '../notifications/booking-messages.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { renderSms } from '../notifications/templates.ts';
import type { BookingContext } from './book.ts';
import { serviceName } from './present.ts';
import { findBookingByManageHash, markCancelled } from './repository.ts';

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
  await releaseCapacity(trx, b.id);
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
