// Seeds the scheduling benchmark data straight in SQL: 200 counsellors, 4 weeks of weekday hours, 20,000 bookings.
import pg from 'pg';
import { addDays, localDateOf } from '../../functions/platform/time-zone.ts';

export const BENCH_SERVICE = 'bench-beratung';
export const TIME_ZONE = 'Europe/Berlin';

export interface SchedulingBenchData {
  serviceId: string;
  /** First and last local date of the seeded four weeks. */
  from: string;
  to: string;
  counsellors: number;
  bookings: number;
  capacity: number;
}

export interface SeedOptions {
  counsellors?: number;
  days?: number;
  bookings?: number;
  capacity?: number;
}

/** Seeds once per database (a second call returns what is there). Times start tomorrow, Berlin time. */
export async function seedSchedulingBench(
  databaseUrl: string,
  o: SeedOptions = {},
): Promise<SchedulingBenchData> {
  const counsellors = o.counsellors ?? 200;
  const days = o.days ?? 28;
  const bookings = o.bookings ?? 20_000;
  const capacity = o.capacity ?? 100;
  const from = addDays(localDateOf(Date.now(), TIME_ZONE), 1);
  const to = addDays(from, days - 1);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from services where id = $1', [BENCH_SERVICE]);
    if (exists.rowCount === 0) {
      await client.query('begin');
      // The benchmark measures scheduling, not the per-phone limit. Each booking has a number of its own:
      // the limit's trigger counts a number's bookings on every insert, which made one shared number
      // quadratic (six minutes for the seed on a busy machine).
      await client.query(
        `insert into booking_limits (id, active_per_phone, per_phone_per_day) values (true, 1000000, 1000000)
         on conflict (id) do update set active_per_phone = 1000000, per_phone_per_day = 1000000`,
      );
      await client.query(
        `insert into services (id, name_de, name_en, duration_minutes, min_notice_minutes, horizon_days, slot_step_minutes)
         values ($1, 'Benchmark-Beratung', 'Benchmark counselling', 30, 60, 60, 15)`,
        [BENCH_SERVICE],
      );
      await client.query(
        `insert into capacity_settings (id, max_concurrent_sessions, adhoc_reserve) values (1, $1, 2)
         on conflict (id) do update set max_concurrent_sessions = $1, adhoc_reserve = 2`,
        [capacity],
      );
      await client.query(
        `with u as (
           insert into staff_users (email, display_name, password_hash, role)
           select 'bench' || i || '@example.org', 'Bench ' || i, 'disabled', 'counsellor'
           from generate_series(1, $1) as i returning id
         ), c as (insert into counsellors (staff_user_id) select id from u returning id),
         s as (insert into counsellor_skills (counsellor_id, service_id) select id, $2 from c returning counsellor_id)
         insert into working_hours (counsellor_id, weekday, start_time, end_time)
         select counsellor_id, d, '08:00', '16:00' from s, generate_series(1, 5) as d`,
        [counsellors, BENCH_SERVICE],
      );
      // Random distinct (counsellor, weekday, half-hour) cells: no counsellor is booked twice.
      await client.query(
        `insert into bookings (service_id, counsellor_id, start_at, end_at, blocked, join_code_hash, manage_token_hash,
                               room_name, phone_e164, language)
         select $1, c.id, t, t + interval '30 minutes', tstzrange(t, t + interval '30 minutes', '[)'),
                sha256(convert_to(gen_random_uuid()::text, 'UTF8')), sha256(convert_to(gen_random_uuid()::text, 'UTF8')),
                'bench_' || gen_random_uuid(), '+49151' || lpad((row_number() over ())::text, 8, '0'), 'de'
         from (
           select c.id, ((d::date + time '08:00') at time zone $5) + s * interval '30 minutes' as t
           from counsellors c join counsellor_skills k on k.counsellor_id = c.id and k.service_id = $1,
                generate_series($2::date, $3::date, interval '1 day') as d, generate_series(0, 15) as s
           where extract(isodow from d) between 1 and 5
           order by random() limit $4
         ) as c`,
        [BENCH_SERVICE, from, to, bookings, TIME_ZONE],
      );
      await client.query(
        `insert into capacity_buckets (start_at, capacity, reserve, scheduled_used)
         select g, s.max_concurrent_sessions, s.adhoc_reserve, count(*)
         from bookings b cross join lateral generate_series(b.start_at, b.end_at - interval '5 minutes', interval '5 minutes') as g,
              capacity_settings s
         where b.status = 'confirmed'
         group by g, s.max_concurrent_sessions, s.adhoc_reserve`,
      );
      await client.query('commit');
      await client.query('vacuum analyze');
    }
    const count = await client.query<{ n: number }>(
      'select count(*)::int as n from bookings where service_id = $1',
      [BENCH_SERVICE],
    );
    return { serviceId: BENCH_SERVICE, from, to, counsellors, bookings: count.rows[0]?.n ?? 0, capacity };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
