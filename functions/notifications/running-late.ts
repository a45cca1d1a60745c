// A counsellor reports running late: the delay is stored on the booking and the citizen gets one SMS, in one transaction.
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit/audit.ts';
import type { Database } from '../db/database.ts';
import { type QueueResult, queueRunningLate } from './booking-messages.ts';
import { cancelPendingMessages } from './outbox.ts';

export interface RunningLateRequest {
  bookingId: string;
  counsellorId: string | null;
  actorUserId: string;
  minutes: number;
  now: Date;
  timeZone: string;
  requestId: string;
}

export type RunningLateResult =
  | { ok: true; minutes: number; message: QueueResult | null }
  | { ok: false; reason: 'not_found' | 'not_your_booking' | 'not_active' };

export async function reportRunningLate(
  db: Kysely<Database>,
  r: RunningLateRequest,
): Promise<RunningLateResult> {
  return db.transaction().execute(async (trx) => {
    const b = await trx
      .selectFrom('bookings')
      .select([
        'id',
        'counsellor_id',
        'status',
        'start_at',
        'end_at',
        'phone_e164',
        'sms_opt_out',
        'language',
      ])
      .where('id', '=', r.bookingId)
      .forUpdate()
      .executeTakeFirst();
    if (!b) return { ok: false, reason: 'not_found' };
    if (!r.counsellorId || b.counsellor_id !== r.counsellorId)
      return { ok: false, reason: 'not_your_booking' };
    if (b.status !== 'confirmed' || r.now.getTime() >= b.end_at.getTime())
      return { ok: false, reason: 'not_active' };
    await trx
      .updateTable('bookings')
      .set({ counsellor_delay_minutes: r.minutes === 0 ? null : r.minutes, updated_at: r.now })
      .where('id', '=', b.id)
      .execute();
    const booking = {
      id: b.id,
      start: b.start_at,
      phone: b.phone_e164,
      smsOptOut: b.sms_opt_out,
      language: b.language,
    };
    let message: QueueResult | null = null;
    if (r.minutes === 0) await cancelPendingMessages(trx, b.id, ['running_late']);
    else
      message = await queueRunningLate(trx, {
        booking,
        minutes: r.minutes,
        timeZone: r.timeZone,
        now: r.now,
      });
    await writeAudit(trx, {
      actorType: 'staff',
      actorId: r.actorUserId,
      action: 'running_late',
      entityType: 'booking',
      entityId: b.id,
      detail: { minutes: r.minutes, smsQueued: message?.queued ?? false },
      requestId: r.requestId,
    });
    return { ok: true, minutes: r.minutes, message };
  });
}
