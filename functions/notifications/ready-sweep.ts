// Finds appointments whose counsellor waits alone and queues "your counsellor is ready" for them (run by the tick).
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { queueCounsellorReady } from './booking-messages.ts';
import { counsellorReadyDue } from './counsellor-ready.ts';

/** Queues at most `limit` nudges; returns how many were queued (each booking gets one at most). */
export async function queueDueCounsellorReady(db: Kysely<Database>, now: Date, limit = 100): Promise<number> {
  const rows = await db
    .selectFrom('bookings')
    .select(['id', 'status', 'start_at', 'end_at', 'counsellor_joined_at', 'citizen_joined_at'])
    .where('status', '=', 'confirmed')
    .where('start_at', '<=', now)
    .where('end_at', '>', now)
    .where('counsellor_joined_at', 'is not', null)
    .where('citizen_joined_at', 'is', null)
    .where('sms_opt_out', '=', false)
    .where('phone_e164', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('outbox_messages')
            .select('outbox_messages.id')
            .whereRef('outbox_messages.booking_id', '=', 'bookings.id')
            .where('outbox_messages.kind', '=', 'counsellor_ready'),
        ),
      ),
    )
    .limit(limit)
    .execute();
  let queued = 0;
  for (const r of rows) {
    const due = counsellorReadyDue(
      {
        status: r.status,
        start: r.start_at,
        end: r.end_at,
        counsellorJoinedAt: r.counsellor_joined_at,
        citizenJoinedAt: r.citizen_joined_at,
      },
      now,
    );
    if (due && (await queueCounsellorReady(db, r.id, undefined, { now })).queued) queued += 1;
  }
  return queued;
}
