// GET /api/admin/stats(.csv), /api/admin/capacity/forecast and /api/admin/capacity/live (operator role).
import { type Context, Hono } from 'hono';
import type { StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { addDays, dateIn, daysBetween, startOfDay } from '../platform/zoned-time.ts';
import { capacityAt, hourlyForecast } from './forecast.ts';
import { daysToCsv, fillDays, totalsOf } from './report.ts';
import {
  bookingsByRoom,
  capacityInputs,
  dailyCounts,
  joinFailuresByBrowser,
  surveySummary,
} from './repository.ts';
import { ForecastQuerySchema, StatsQuerySchema } from './schemas.ts';

export const MAX_STATS_DAYS = 366;

function period(c: Context<StaffEnv>, q: { from?: string | undefined; to?: string | undefined }) {
  const tz = c.get('config').TIME_ZONE;
  const to = q.to ?? dateIn(c.get('clock').now(), tz);
  const from = q.from ?? addDays(to, -29);
  const span = daysBetween(from, to);
  if (span < 0 || span >= MAX_STATS_DAYS)
    throw new AppError('invalid_request', { detail: `from..to must span 1 to ${MAX_STATS_DAYS} days.` });
  const dates = Array.from({ length: span + 1 }, (_, i) => addDays(from, i));
  return {
    from,
    to,
    tz,
    dates,
    range: { from: startOfDay(from, tz), to: startOfDay(addDays(to, 1), tz), tz },
  };
}

async function dailyReport(c: Context<StaffEnv>, q: { from?: string | undefined; to?: string | undefined }) {
  const p = period(c, q);
  const days = fillDays(p.dates, await dailyCounts(c.get('db'), p.range));
  return { p, days };
}

export const statsRoutes = new Hono<StaffEnv>()
  .get('/stats', validate('query', StatsQuerySchema), async (c) => {
    const { p, days } = await dailyReport(c, c.req.valid('query'));
    const db = c.get('db');
    c.header('cache-control', 'no-store');
    return c.json({
      from: p.from,
      to: p.to,
      timeZone: p.tz,
      days,
      totals: totalsOf(days),
      joinFailuresByBrowser: await joinFailuresByBrowser(db, p.range),
      survey: await surveySummary(db, p.range),
    });
  })
  .get('/stats.csv', validate('query', StatsQuerySchema), async (c) => {
    const { p, days } = await dailyReport(c, c.req.valid('query'));
    return c.body(daysToCsv(days), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="beratungsraum-stats-${p.from}-${p.to}.csv"`,
      'cache-control': 'no-store',
    });
  })
  .get('/capacity/forecast', validate('query', ForecastQuerySchema), async (c) => {
    const days = c.req.valid('query').days ?? 14;
    const now = c.get('clock').now();
    const from = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
    const to = new Date(from.getTime() + days * 86_400_000);
    const inputs = await capacityInputs(c.get('db'), from, to);
    c.header('cache-control', 'no-store');
    return c.json({
      from: from.toISOString(),
      days,
      timeZone: c.get('config').TIME_ZONE,
      maxConcurrentSessions: inputs.maxConcurrent,
      adhocReserve: inputs.reserve,
      hours: hourlyForecast({ ...inputs, from, hours: days * 24 }),
    });
  })
  .get('/capacity/live', async (c) => {
    const video = c.get('video');
    if (!video.configured)
      throw new AppError('video_unavailable', {
        detail: 'No video server is configured.',
        retryAfterSeconds: 30,
      });
    const rooms = await video.listRooms();
    const now = c.get('clock').now();
    const db = c.get('db');
    const inputs = await capacityInputs(db, now, new Date(now.getTime() + 1));
    const known = new Map(
      (
        await bookingsByRoom(
          db,
          rooms.map((r) => r.name),
        )
      ).map((b) => [b.room_name, b]),
    );
    c.header('cache-control', 'no-store');
    return c.json({
      at: now.toISOString(),
      capacity: capacityAt(now, inputs.maxConcurrent, inputs.windows),
      adhocReserve: inputs.reserve,
      bookedNow: inputs.sessions.length,
      liveRooms: rooms.length,
      participants: rooms.reduce((n, r) => n + r.participants, 0),
      rooms: rooms.map((r) => {
        const b = known.get(r.name);
        return {
          bookingId: b?.id ?? null,
          service: b?.service_id ?? null,
          kind: b?.kind ?? null,
          counsellorName: b?.counsellor_name ?? null,
          participants: r.participants,
          since: r.createdAt ? r.createdAt.toISOString() : null,
        };
      }),
    });
  });
