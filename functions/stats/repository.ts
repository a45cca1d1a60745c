// SQL for statistics and capacity views: per-day counts, sessions, join failures, surveys, forecast inputs.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DayCounts } from './report.ts';

type Period = { from: Date; to: Date; tz: string };

const dayOf = (column: string, tz: string) =>
  sql<string>`to_char(${sql.ref(column)} at time zone ${tz}, 'YYYY-MM-DD')`;

/** Per-day counters keyed by date in the time zone. */
export async function dailyCounts(
  db: Kysely<Database>,
  p: Period,
): Promise<Map<string, Partial<Omit<DayCounts, 'date'>>>> {
  const out = new Map<string, Partial<Omit<DayCounts, 'date'>>>();
  const entry = (d: string) => {
    const e = out.get(d) ?? {};
    out.set(d, e);
    return e;
  };
  const bookings = await db
    .selectFrom('bookings')
    .select([
      dayOf('start_at', p.tz).as('day'),
      sql<number>`count(*) filter (where status <> 'cancelled')`.as('booked'),
      sql<number>`count(*) filter (where status = 'completed')`.as('completed'),
      sql<number>`count(*) filter (where status = 'no_show')`.as('no_shows'),
      sql<number>`count(*) filter (where status = 'cancelled')`.as('cancelled'),
      sql<number>`count(*) filter (where phone_fallback_at is not null)`.as('phone_fallbacks'),
    ])
    .where('start_at', '>=', p.from)
    .where('start_at', '<', p.to)
    .groupBy('day')
    .execute();
  for (const b of bookings)
    Object.assign(entry(b.day), {
      booked: Number(b.booked),
      completed: Number(b.completed),
      noShows: Number(b.no_shows),
      cancelled: Number(b.cancelled),
      phoneFallbacks: Number(b.phone_fallbacks),
    });
  const sessions = await sql<{ day: string; sessions: number; avg_minutes: number | null }>`
    select to_char(started_at at time zone ${p.tz}, 'YYYY-MM-DD') as day, count(*)::int as sessions,
           round((avg(extract(epoch from finished_at - started_at)) / 60)::numeric, 1)::float8 as avg_minutes
    from room_sessions where started_at >= ${p.from} and started_at < ${p.to}
    group by 1`.execute(db);
  for (const s of sessions.rows)
    Object.assign(entry(s.day), { sessions: Number(s.sessions), averageDurationMinutes: s.avg_minutes });
  const peaks = await sql<{ day: string; peak: number }>`
    with edges as (
      select started_at as t, 1 as d from room_sessions
        where started_at < ${p.to} and coalesce(finished_at, 'infinity') > ${p.from}
      union all
      select finished_at, -1 from room_sessions
        where finished_at is not null and started_at < ${p.to} and finished_at > ${p.from}
    ), running as (
      select t, sum(d) over (order by t, d rows unbounded preceding) as n from edges
    )
    select to_char(t at time zone ${p.tz}, 'YYYY-MM-DD') as day, max(n)::int as peak
    from running where t >= ${p.from} and t < ${p.to} group by 1`.execute(db);
  for (const r of peaks.rows) entry(r.day).peakConcurrent = Number(r.peak);
  const failures = await db
    .selectFrom('join_failures')
    .select([dayOf('at', p.tz).as('day'), sql<number>`count(*)::int`.as('n')])
    .where('at', '>=', p.from)
    .where('at', '<', p.to)
    .groupBy('day')
    .execute();
  for (const f of failures) entry(f.day).joinFailures = Number(f.n);
  return out;
}

export async function joinFailuresByBrowser(db: Kysely<Database>, p: Period) {
  const rows = await db
    .selectFrom('join_failures')
    .select(['browser', sql<number>`count(*)::int`.as('count')])
    .where('at', '>=', p.from)
    .where('at', '<', p.to)
    .groupBy('browser')
    .orderBy('count', 'desc')
    .orderBy('browser')
    .execute();
  return rows.map((r) => ({ browser: r.browser, count: Number(r.count) }));
}

export async function surveySummary(db: Kysely<Database>, p: Period) {
  const s = await db
    .selectFrom('survey_responses')
    .select([
      sql<number>`count(*)::int`.as('responses'),
      sql<number | null>`avg(case when recommend then 1.0 else 0.0 end)::float8`.as('recommend_share'),
      sql<number | null>`avg(ease_of_use)::float8`.as('average_ease'),
    ])
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .executeTakeFirstOrThrow();
  const comments = await db
    .selectFrom('survey_responses')
    .select(['comment', 'recommend', 'ease_of_use', 'created_at'])
    .where('created_at', '>=', p.from)
    .where('created_at', '<', p.to)
    .where('comment', 'is not', null)
    .where(sql<boolean>`length(trim(comment)) > 0`)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));
  return {
    responses: Number(s.responses),
    recommendShare: round(s.recommend_share, 3),
    averageEase: round(s.average_ease, 2),
    comments: comments.map((c) => ({
      comment: c.comment ?? '',
      recommend: c.recommend,
      easeOfUse: c.ease_of_use,
      at: new Date(c.created_at).toISOString(),
    })),
  };
}

export async function capacityInputs(db: Kysely<Database>, from: Date, to: Date) {
  const settings = await db
    .selectFrom('capacity_settings')
    .select(['max_concurrent_sessions', 'adhoc_reserve'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const windows = await sql<{ start: Date; end: Date; capacity: number }>`
    select lower(period) as start, upper(period) as "end", capacity from maintenance_windows
    where period && tstzrange(${from}::timestamptz, ${to}::timestamptz)`.execute(db);
  const sessions = await db
    .selectFrom('bookings')
    .select(['start_at', 'end_at'])
    .where('status', 'in', ['confirmed', 'completed'])
    .where('start_at', '<', to)
    .where('end_at', '>', from)
    .execute();
  return {
    maxConcurrent: settings?.max_concurrent_sessions ?? 0,
    reserve: settings?.adhoc_reserve ?? 0,
    windows: windows.rows.map((w) => ({
      start: new Date(w.start),
      end: new Date(w.end),
      capacity: w.capacity,
    })),
    sessions: sessions.map((s) => ({ start: new Date(s.start_at), end: new Date(s.end_at) })),
  };
}

export function bookingsByRoom(db: Kysely<Database>, rooms: readonly string[]) {
  if (rooms.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('bookings')
    .innerJoin('counsellors', 'counsellors.id', 'bookings.counsellor_id')
    .innerJoin('staff_users', 'staff_users.id', 'counsellors.staff_user_id')
    .select([
      'bookings.id',
      'bookings.room_name',
      'bookings.service_id',
      'bookings.kind',
      'bookings.start_at',
      'bookings.end_at',
      'staff_users.display_name as counsellor_name',
    ])
    .where('bookings.room_name', 'in', rooms)
    .execute();
}
