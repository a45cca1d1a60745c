// Seeds scheduling rows for integration tests: a service, counsellors with weekly hours, and the capacity.
import type { Kysely } from 'kysely';
import type { Database } from '../../functions/db/database.ts';

export interface SchedulingSeed {
  serviceId: string;
  counsellorIds: string[];
  staffUserIds: string[];
}

export interface SchedulingSeedOptions {
  counsellors?: number;
  capacity?: number;
  adhocReserve?: number;
  adhocDurationMinutes?: number;
  serviceId?: string;
  durationMinutes?: number;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  minNoticeMinutes?: number;
  horizonDays?: number;
  slotStepMinutes?: number;
  /** ISO weekdays worked, 08:00-16:00 unless `hours` says otherwise. */
  weekdays?: number[];
  hours?: [string, string];
  passwordHash?: string;
  emailPrefix?: string;
}

export async function seedScheduling(
  db: Kysely<Database>,
  options: SchedulingSeedOptions = {},
): Promise<SchedulingSeed> {
  const serviceId = options.serviceId ?? 'arbeitslosengeld';
  const existing = await db
    .selectFrom('services')
    .select('id')
    .where('id', '=', serviceId)
    .executeTakeFirst();
  if (!existing) {
    await db
      .insertInto('services')
      .values({
        id: serviceId,
        name_de: 'Arbeitslosengeld',
        name_en: 'Unemployment benefit',
        duration_minutes: options.durationMinutes ?? 30,
        buffer_before_minutes: options.bufferBeforeMinutes ?? 0,
        buffer_after_minutes: options.bufferAfterMinutes ?? 0,
        min_notice_minutes: options.minNoticeMinutes ?? 120,
        horizon_days: options.horizonDays ?? 42,
        slot_step_minutes: options.slotStepMinutes ?? 15,
      })
      .execute();
  }
  await db
    .insertInto('capacity_settings')
    .values({
      id: 1,
      max_concurrent_sessions: options.capacity ?? 8,
      adhoc_reserve: options.adhocReserve ?? 0,
      adhoc_duration_minutes: options.adhocDurationMinutes ?? 30,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        max_concurrent_sessions: options.capacity ?? 8,
        adhoc_reserve: options.adhocReserve ?? 0,
        adhoc_duration_minutes: options.adhocDurationMinutes ?? 30,
      }),
    )
    .execute();
  const counsellorIds: string[] = [];
  const staffUserIds: string[] = [];
  const prefix = options.emailPrefix ?? `c${Math.random().toString(36).slice(2, 8)}`;
  const [from, to] = options.hours ?? ['08:00', '16:00'];
  for (let i = 0; i < (options.counsellors ?? 1); i++) {
    const user = await db
      .insertInto('staff_users')
      .values({
        email: `${prefix}-${i}@example.org`,
        display_name: `Counsellor ${i}`,
        password_hash: options.passwordHash ?? 'x',
        role: 'counsellor',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = await db
      .insertInto('counsellors')
      .values({ staff_user_id: user.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('counsellor_skills').values({ counsellor_id: c.id, service_id: serviceId }).execute();
    const weekdays = options.weekdays ?? [1, 2, 3, 4, 5];
    if (weekdays.length > 0) {
      await db
        .insertInto('working_hours')
        .values(weekdays.map((weekday) => ({ counsellor_id: c.id, weekday, start_time: from, end_time: to })))
        .execute();
    }
    counsellorIds.push(c.id);
    staffUserIds.push(user.id);
  }
  return { serviceId, counsellorIds, staffUserIds };
}

/** Counts rows of the tables a booking writes, to assert that a rejected request changed nothing. */
export async function countBookingRows(db: Kysely<Database>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['bookings', 'outbox_messages', 'audit_log', 'capacity_buckets'] as const) {
    let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    // A refused request is audited on purpose (entity_type 'security'); it changed nothing else.
    if (table === 'audit_log') q = q.where('entity_type' as never, '!=', 'security' as never);
    const row = await q.executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  const used = await db
    .selectFrom('capacity_buckets')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('scheduled_used'), eb.lit(0)).as('n'))
    .executeTakeFirstOrThrow();
  out.scheduled_used = Number(used.n);
  return out;
}
