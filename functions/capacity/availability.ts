// Absences and weekly hours: written under a lock on the counsellor, flagging bookings that no longer fit.
import { type Kysely, sql, type Transaction } from 'kysely';
import { writeAudit } from '../audit/audit.ts';
import type { Database } from '../db/database.ts';
import { type WeeklyHours, withinWorkingHours } from '../schedule/slot-engine.ts';
import { blockedOverlaps, flagBookings, flagUpcomingBookings } from './flags.ts';

export interface AvailabilityActor {
  userId: string | null;
  requestId: string;
}

/**
 * Locks the counsellor row FOR UPDATE. A booking insert holds a key-share lock on it until commit,
 * so this waits for bookings in flight and makes later ones re-check absences and hours.
 */
export async function lockCounsellor(trx: Transaction<Database>, counsellorId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('counsellors')
    .select('id')
    .where('id', '=', counsellorId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

export async function addAbsence(
  trx: Transaction<Database>,
  counsellorId: string,
  a: { start: Date; end: Date; reason: string },
  now: Date,
  actor: AvailabilityActor,
): Promise<{ id: string; flagged: number }> {
  const row = await trx
    .insertInto('absences')
    .values({
      counsellor_id: counsellorId,
      period: sql<string>`tstzrange(${a.start}::timestamptz, ${a.end}::timestamptz, '[)')`,
      reason: a.reason,
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const flagged = await flagUpcomingBookings(trx, 'counsellor_absent', now, (q) =>
    q.where('b.counsellor_id', '=', counsellorId).where(blockedOverlaps(a.start, a.end)),
  );
  await writeAudit(trx, {
    actorType: 'staff',
    actorId: actor.userId,
    action: 'absence.created',
    entityType: 'absence',
    entityId: row.id,
    detail: { counsellorId, start: a.start.toISOString(), end: a.end.toISOString(), flagged },
    requestId: actor.requestId,
  });
  return { id: row.id, flagged };
}

export async function replaceWorkingHours(
  trx: Transaction<Database>,
  counsellorId: string,
  hours: readonly WeeklyHours[],
  timeZone: string,
  now: Date,
  actor: AvailabilityActor,
): Promise<number> {
  await trx.deleteFrom('working_hours').where('counsellor_id', '=', counsellorId).execute();
  if (hours.length > 0) {
    await trx
      .insertInto('working_hours')
      .values(
        hours.map((h) => ({
          counsellor_id: counsellorId,
          weekday: h.weekday,
          start_time: h.start,
          end_time: h.end === '24:00' ? '24:00:00' : h.end,
        })),
      )
      .execute();
  }
  const future = await sql<{ id: string; bs: number; be: number }>`
    select id, (extract(epoch from lower(blocked)) * 1000)::float8 as bs,
           (extract(epoch from upper(blocked)) * 1000)::float8 as be
    from bookings where counsellor_id = ${counsellorId} and status = 'confirmed' and kind = 'scheduled'
      and start_at > ${now}`.execute(trx);
  const outside = future.rows
    .filter((b) => !withinWorkingHours(hours, timeZone, b.bs, b.be))
    .map((b) => b.id);
  const flagged = await flagBookings(trx, outside, 'outside_working_hours', now);
  await writeAudit(trx, {
    actorType: 'staff',
    actorId: actor.userId,
    action: 'working_hours.updated',
    entityType: 'counsellor',
    entityId: counsellorId,
    detail: { hours, flagged },
    requestId: actor.requestId,
  });
  return flagged;
}

export async function listAbsences(db: Kysely<Database>, counsellorId: string, now: Date) {
  const rows = await sql<{ id: string; s: Date; e: Date; reason: string }>`
    select id, lower(period) as s, upper(period) as e, reason from absences
    where counsellor_id = ${counsellorId} and upper(period) > ${now} order by lower(period)`.execute(db);
  return rows.rows;
}

export async function listWorkingHours(db: Kysely<Database>, counsellorId: string): Promise<WeeklyHours[]> {
  const rows = await db
    .selectFrom('working_hours')
    .select(['weekday', 'start_time', 'end_time'])
    .where('counsellor_id', '=', counsellorId)
    .orderBy('weekday')
    .orderBy('start_time')
    .execute();
  return rows.map((r) => ({
    weekday: r.weekday,
    start: r.start_time.slice(0, 5),
    end: r.end_time.slice(0, 5),
  }));
}
