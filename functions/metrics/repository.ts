// Kysely queries for the domain metrics: every value that lives in PostgreSQL is read from it, so all processes agree.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';

type Db = Kysely<Database>;

export interface BookingCountRow {
  kind: string;
  status: string;
  cancelled_by: string | null;
  n: number;
}

export async function bookingCounts(db: Db): Promise<BookingCountRow[]> {
  const r = await sql<BookingCountRow>`
    select kind, status, cancelled_by, count(*)::int as n from bookings group by 1, 2, 3`.execute(db);
  return r.rows;
}

export interface JoinOutcomeRow {
  audience: string;
  outcome: string;
  count: number;
}

export async function joinOutcomeCounts(db: Db): Promise<JoinOutcomeRow[]> {
  return db.selectFrom('join_outcome_counts').select(['audience', 'outcome', 'count']).execute();
}

/** Counts one join attempt; a single upsert outside any transaction keeps the counter row's lock short. */
export async function countJoinOutcome(
  db: Db,
  audience: 'citizen' | 'counsellor',
  outcome: string,
): Promise<void> {
  await db
    .insertInto('join_outcome_counts')
    .values({ audience, outcome, count: 1 })
    .onConflict((oc) =>
      oc.columns(['audience', 'outcome']).doUpdateSet({
        count: sql`join_outcome_counts.count + 1`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export async function clientJoinFailureCounts(db: Db): Promise<{ category: string; n: number }[]> {
  const r = await sql<{ category: string; n: number }>`
    select split_part(reason, ':', 1) as category, count(*)::int as n from join_failures group by 1`.execute(
    db,
  );
  return r.rows;
}

export interface CapacityNowRow {
  live: number;
  booked: number | null;
  bucket_capacity: number | null;
  max_sessions: number | null;
  maintenance_capacity: number | null;
}

/** Sessions running now (LiveKit webhooks), booked in the current five-minute bucket, and the capacity that applies. */
export async function capacityNow(db: Db, now: Date, bucketStart: Date): Promise<CapacityNowRow> {
  const r = await sql<CapacityNowRow>`
    select
      (select count(*)::int from room_sessions
        where finished_at is null and started_at > ${now}::timestamptz - interval '1 day') as live,
      (select scheduled_used + adhoc_used from capacity_buckets where start_at = ${bucketStart}) as booked,
      (select capacity from capacity_buckets where start_at = ${bucketStart}) as bucket_capacity,
      (select max_concurrent_sessions from capacity_settings where id = 1) as max_sessions,
      (select min(capacity) from maintenance_windows where period @> ${now}::timestamptz) as maintenance_capacity
  `.execute(db);
  return r.rows[0] as CapacityNowRow;
}

export interface OutboxStateRow {
  due: number;
  scheduled: number;
  dead: number;
  sent: number;
  sent_today: number;
  oldest_due_seconds: number | null;
}

export async function outboxState(db: Db, now: Date, timeZone: string): Promise<OutboxStateRow> {
  const r = await sql<OutboxStateRow>`
    select
      count(*) filter (where status in ('pending', 'sending') and next_attempt_at <= ${now})::int as due,
      count(*) filter (where status = 'pending' and next_attempt_at > ${now})::int as scheduled,
      count(*) filter (where status = 'dead')::int as dead,
      count(*) filter (where status = 'sent')::int as sent,
      count(*) filter (where status = 'sent'
        and sent_at >= date_trunc('day', ${now}::timestamptz at time zone ${timeZone}) at time zone ${timeZone})::int
        as sent_today,
      extract(epoch from ${now}::timestamptz - min(next_attempt_at)
        filter (where status in ('pending', 'sending') and next_attempt_at <= ${now}))::float8 as oldest_due_seconds
    from outbox_messages where channel = 'sms'
  `.execute(db);
  return r.rows[0] as OutboxStateRow;
}

export async function databaseConnections(db: Db): Promise<{ used: number; max: number }> {
  const r = await sql<{ used: number; max: number }>`
    select (select count(*)::int from pg_stat_activity where datname = current_database()) as used,
      current_setting('max_connections')::int as max`.execute(db);
  return r.rows[0] as { used: number; max: number };
}
