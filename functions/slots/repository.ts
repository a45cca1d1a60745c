// Kysely queries that feed the slot engine: skilled counsellors and their hours, busy time, live bookings, capacity.
import { type Kysely, sql } from 'kysely';
import type { CounsellorPlace } from '../closures/closures.ts';
import type { Database } from '../db/database.ts';
import type {
  BucketUsage,
  BusyPeriod,
  CapacityModel,
  CounsellorHours,
  WeeklyHours,
} from '../schedule/slot-engine.ts';

type Db = Kysely<Database>;

/** Longest a session can reach back before its start_at (buffers, ad-hoc) when scanning by start. */
const LOOKBACK = sql.raw("interval '1 day'");

export type RosterEntry = CounsellorHours & CounsellorPlace;

/** Active counsellors who offer the service, with their weekly hours and their site's holiday region. */
export async function loadSkilledCounsellors(db: Db, serviceId: string): Promise<RosterEntry[]> {
  const rows = await db
    .selectFrom('counsellor_skills as s')
    .innerJoin('counsellors as c', 'c.id', 's.counsellor_id')
    .leftJoin('working_hours as w', 'w.counsellor_id', 'c.id')
    .leftJoin('sites as p', 'p.id', 'c.site_id')
    .select(['c.id', 'c.site_id', 'p.federal_state', 'w.weekday', 'w.start_time', 'w.end_time'])
    .where('s.service_id', '=', serviceId)
    .where('c.active', '=', true)
    .orderBy('c.id')
    .execute();
  const byId = new Map<string, RosterEntry>();
  for (const r of rows) {
    let entry = byId.get(r.id);
    if (!entry) {
      entry = { id: r.id, hours: [], siteId: r.site_id, federalState: r.federal_state ?? null };
      byId.set(r.id, entry);
    }
    if (r.weekday !== null && r.start_time !== null && r.end_time !== null) {
      (entry.hours as WeeklyHours[]).push({ weekday: r.weekday, start: r.start_time, end: r.end_time });
    }
  }
  return [...byId.values()];
}

/**
 * Everything that keeps the given counsellors busy in [from, to): absences and booked time (buffers
 * included), merged per counsellor in the database and sent as one JSON value, which is far cheaper
 * to parse than one row per booking.
 */
export async function loadBusyPeriods(
  db: Db,
  counsellorIds: string[],
  from: Date,
  to: Date,
): Promise<BusyPeriod[]> {
  if (counsellorIds.length === 0) return [];
  const result = await sql<{ busy: Record<string, [number, number][]> | null }>`
    with periods as (
      select counsellor_id, blocked as r from bookings
      where status in ('confirmed', 'completed') and counsellor_id = any(${counsellorIds}::uuid[])
        and start_at >= ${from}::timestamptz - ${LOOKBACK} and start_at < ${to} and upper(blocked) > ${from}
      union all
      select counsellor_id, period from absences
      where counsellor_id = any(${counsellorIds}::uuid[])
        and period && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')
    ), merged as (
      select counsellor_id, unnest(range_agg(r)) as r from periods group by counsellor_id
    )
    select json_object_agg(counsellor_id, spans) as busy from (
      select counsellor_id,
             json_agg(json_build_array(extract(epoch from lower(r))::float8, extract(epoch from upper(r))::float8)) as spans
      from merged group by counsellor_id
    ) as per_counsellor`.execute(db);
  const out: BusyPeriod[] = [];
  for (const [counsellorId, spans] of Object.entries(result.rows[0]?.busy ?? {})) {
    for (const [s, e] of spans) out.push({ counsellorId, start: s * 1000, end: e * 1000 });
  }
  return out;
}

/** Sessions per five-minute bucket in [from, to) from the capacity counters, sorted by start. */
export async function loadCapacityUsage(db: Db, from: Date, to: Date): Promise<BucketUsage[]> {
  const result = await sql<{ usage: [number, number][] | null }>`
    select json_agg(json_build_array(extract(epoch from start_at)::float8, scheduled_used + adhoc_used) order by start_at) as usage
    from capacity_buckets
    where start_at >= ${from} and start_at < ${to} and scheduled_used + adhoc_used > 0`.execute(db);
  return (result.rows[0]?.usage ?? []).map(([s, used]) => ({ start: s * 1000, used }));
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
