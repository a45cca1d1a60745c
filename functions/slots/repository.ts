// Kysely queries that feed the slot engine: skilled counsellors and their hours, absences, live bookings, capacity.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type {
  BusyPeriod,
  CapacityModel,
  CounsellorHours,
  ExistingBooking,
  WeeklyHours,
} from './slot-engine.ts';

type Db = Kysely<Database>;

/** Longest a session can reach back before its start_at (buffers, ad-hoc) when scanning by start. */
const LOOKBACK = "interval '1 day'";

/** Active counsellors who offer the service, with their weekly hours. */
export async function loadSkilledCounsellors(db: Db, serviceId: string): Promise<CounsellorHours[]> {
  const rows = await db
    .selectFrom('counsellor_skills as s')
    .innerJoin('counsellors as c', 'c.id', 's.counsellor_id')
    .leftJoin('working_hours as w', 'w.counsellor_id', 'c.id')
    .select(['c.id', 'w.weekday', 'w.start_time', 'w.end_time'])
    .where('s.service_id', '=', serviceId)
    .where('c.active', '=', true)
    .orderBy('c.id')
    .execute();
  const byId = new Map<string, WeeklyHours[]>();
  for (const r of rows) {
    const hours = byId.get(r.id) ?? [];
    if (r.weekday !== null && r.start_time !== null && r.end_time !== null) {
      hours.push({ weekday: r.weekday, start: r.start_time, end: r.end_time });
    }
    byId.set(r.id, hours);
  }
  return [...byId].map(([id, hours]) => ({ id, hours }));
}

export async function loadAbsences(
  db: Db,
  from: Date,
  to: Date,
  counsellorIds?: string[],
): Promise<BusyPeriod[]> {
  if (counsellorIds && counsellorIds.length === 0) return [];
  const result = await sql<{ counsellor_id: string; s: number; e: number }>`
    select counsellor_id, (extract(epoch from lower(period)) * 1000)::float8 as s,
           (extract(epoch from upper(period)) * 1000)::float8 as e
    from absences
    where period && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')
    ${counsellorIds ? sql`and counsellor_id = any(${counsellorIds}::uuid[])` : sql``}`.execute(db);
  return result.rows.map((r) => ({ counsellorId: r.counsellor_id, start: r.s, end: r.e }));
}

/** Live (confirmed or completed) bookings overlapping [from, to), optionally of some counsellors only. */
export async function loadLiveBookings(
  db: Db,
  from: Date,
  to: Date,
  counsellorIds?: string[],
): Promise<ExistingBooking[]> {
  if (counsellorIds && counsellorIds.length === 0) return [];
  const result = await sql<{
    id: string;
    counsellor_id: string;
    s: number;
    e: number;
    bs: number;
    be: number;
  }>`
    select id, counsellor_id,
           (extract(epoch from start_at) * 1000)::float8 as s,
           (extract(epoch from end_at) * 1000)::float8 as e,
           (extract(epoch from lower(blocked)) * 1000)::float8 as bs,
           (extract(epoch from upper(blocked)) * 1000)::float8 as be
    from bookings
    where status in ('confirmed', 'completed')
      and start_at >= ${from}::timestamptz - ${sql.raw(LOOKBACK)} and start_at < ${to}
      and upper(blocked) > ${from}
      ${counsellorIds ? sql`and counsellor_id = any(${counsellorIds}::uuid[])` : sql``}`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    counsellorId: r.counsellor_id,
    start: r.s,
    end: r.e,
    blockedStart: r.bs,
    blockedEnd: r.be,
  }));
}

/** The capacity model over [from, to); no settings row means no capacity at all. */
export async function loadCapacity(db: Db, from: Date, to: Date): Promise<CapacityModel> {
  const [settings, windows] = await Promise.all([
    db
      .selectFrom('capacity_settings')
      .select(['max_concurrent_sessions', 'adhoc_reserve'])
      .where('id', '=', 1)
      .executeTakeFirst(),
    sql<{ s: number; e: number; capacity: number }>`
      select (extract(epoch from lower(period)) * 1000)::float8 as s,
             (extract(epoch from upper(period)) * 1000)::float8 as e, capacity
      from maintenance_windows
      where period && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')`.execute(db),
  ]);
  return {
    maxConcurrentSessions: settings?.max_concurrent_sessions ?? 0,
    adhocReserve: settings?.adhoc_reserve ?? 0,
    maintenance: windows.rows.map((w) => ({ start: w.s, end: w.e, capacity: w.capacity })),
  };
}
