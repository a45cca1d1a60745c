// Statistics (per day, surveys, join failures, CSV) and capacity views (14-day forecast, live rooms).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LiveKitServer, liveKitBuilt, startLiveKit } from '../../scripts/lib/livekit.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import {
  createStaff,
  insertBooking,
  login,
  type Session,
  seedCapacity,
  seedService,
} from '../helpers/staff-fixtures.ts';

let tdb: TestDatabase;
let t: TestApp;
let ops: Session;
let counsellorId: string;
const clock = new TestClock(new Date('2026-12-03T08:10:00Z'));

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock });
  await seedService(tdb.db);
  await seedCapacity(tdb.db, 4, 1);
  await createStaff(tdb.db, { email: 'ops@example.org', role: 'operator', counsels: false });
  counsellorId = (await createStaff(tdb.db, { email: 'anna@example.org' })).counsellorId!;
  ops = await login(t, 'ops@example.org');
  const done = await insertBooking(tdb.db, {
    counsellorId,
    start: '2026-12-01T09:00:00Z',
    status: 'completed',
  });
  const done2 = await insertBooking(tdb.db, {
    counsellorId,
    start: '2026-12-01T10:00:00Z',
    status: 'completed',
  });
  await insertBooking(tdb.db, { counsellorId, start: '2026-12-01T11:00:00Z', status: 'no_show' });
  await insertBooking(tdb.db, { counsellorId, start: '2026-12-02T09:00:00Z', status: 'cancelled' });
  await tdb.db
    .insertInto('room_sessions')
    .values([
      {
        booking_id: done.id,
        room_name: done.roomName,
        room_sid: 'RM_1',
        started_at: '2026-12-01T09:00:00Z',
        finished_at: '2026-12-01T09:20:00Z',
      },
      {
        booking_id: done2.id,
        room_name: done2.roomName,
        room_sid: 'RM_2',
        started_at: '2026-12-01T09:10:00Z',
        finished_at: '2026-12-01T09:40:00Z',
      },
    ])
    .execute();
  await tdb.db
    .insertInto('join_failures')
    .values([
      { browser: 'Safari 14', reason: 'NotAllowedError', at: '2026-12-01T09:00:00Z' },
      { browser: 'Safari 14', reason: 'ice_failed', at: '2026-12-02T09:00:00Z' },
      { browser: 'Firefox 120', reason: 'ice_failed', at: '2026-12-02T09:00:00Z' },
    ])
    .execute();
  await tdb.db
    .insertInto('survey_responses')
    .values([
      {
        booking_id: done.id,
        recommend: true,
        ease_of_use: 5,
        comment: 'Sehr gut, "danke"',
        created_at: '2026-12-01T09:30:00Z',
      },
      {
        booking_id: done2.id,
        recommend: false,
        ease_of_use: 2,
        comment: null,
        created_at: '2026-12-01T10:40:00Z',
      },
    ])
    .execute();
});

afterAll(async () => {
  await tdb.close();
});

describe('GET /api/admin/stats', () => {
  it('counts sessions, no-shows, durations and peaks per day over the chosen period', async () => {
    const res = await t.request('/api/admin/stats?from=2026-12-01&to=2026-12-03', { headers: ops.headers() });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      days: Record<string, unknown>[];
      totals: Record<string, unknown>;
      joinFailuresByBrowser: unknown[];
      survey: Record<string, unknown>;
    };
    expect(body.days.map((d) => d.date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
    expect(body.days[0]).toMatchObject({
      booked: 3,
      completed: 2,
      noShows: 1,
      sessions: 2,
      averageDurationMinutes: 25,
      peakConcurrent: 2,
      joinFailures: 1,
    });
    expect(body.days[1]).toMatchObject({
      booked: 0,
      cancelled: 1,
      sessions: 0,
      averageDurationMinutes: null,
    });
    expect(body.totals).toMatchObject({
      booked: 3,
      noShows: 1,
      sessions: 2,
      averageDurationMinutes: 25,
      joinFailures: 3,
    });
    expect(body.joinFailuresByBrowser).toEqual([
      { browser: 'Safari 14', count: 2 },
      { browser: 'Firefox 120', count: 1 },
    ]);
    expect(body.survey).toMatchObject({ responses: 2, recommendShare: 0.5, averageEase: 3.5 });
    expect(body.survey.comments).toEqual([
      { comment: 'Sehr gut, "danke"', recommend: true, easeOfUse: 5, at: '2026-12-01T09:30:00.000Z' },
    ]);
  });

  it('exports the same days as CSV', async () => {
    const res = await t.request('/api/admin/stats.csv?from=2026-12-01&to=2026-12-02', {
      headers: ops.headers(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('beratungsraum-stats-2026-12-01-2026-12-02.csv');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'date,booked,completed,noShows,cancelled,phoneFallbacks,sessions,averageDurationMinutes,peakConcurrent,joinFailures',
    );
    expect(lines[1]).toBe('2026-12-01,3,2,1,0,0,2,25,2,1');
    expect(lines).toHaveLength(3);
  });

  it('rejects a reversed or over-long period with 400', async () => {
    const a = await t.request('/api/admin/stats?from=2026-12-03&to=2026-12-01', { headers: ops.headers() });
    expect(a.status).toBe(400);
    const b = await t.request('/api/admin/stats?from=2024-01-01&to=2026-12-01', { headers: ops.headers() });
    expect(b.status).toBe(400);
  });
});

describe('GET /api/admin/capacity/forecast', () => {
  it('gives booked sessions against capacity per hour, lowered by maintenance windows', async () => {
    await insertBooking(tdb.db, { counsellorId, start: '2026-12-03T10:00:00Z' });
    const other = (await createStaff(tdb.db, { email: 'ben@example.org' })).counsellorId!;
    await insertBooking(tdb.db, { counsellorId: other, start: '2026-12-03T10:15:00Z' });
    await tdb.db
      .insertInto('maintenance_windows')
      .values({ period: '[2026-12-03 11:30:00+00,2026-12-03 12:00:00+00)', capacity: 1 })
      .execute();
    const res = await t.request('/api/admin/capacity/forecast?days=14', { headers: ops.headers() });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      hours: { start: string; booked: number; capacity: number; bookable: number }[];
    };
    expect(body.hours).toHaveLength(14 * 24);
    expect(body.hours[0]!.start).toBe('2026-12-03T08:00:00.000Z');
    const at = (iso: string) => body.hours.find((h) => h.start === iso)!;
    expect(at('2026-12-03T10:00:00.000Z')).toEqual({
      start: '2026-12-03T10:00:00.000Z',
      booked: 2,
      capacity: 4,
      bookable: 3,
    });
    expect(at('2026-12-03T11:00:00.000Z')).toMatchObject({ booked: 0, capacity: 1, bookable: 0 });
    expect((await t.request('/api/admin/capacity/forecast?days=99', { headers: ops.headers() })).status).toBe(
      400,
    );
  });
});

describe('GET /api/admin/capacity/live', () => {
  it('answers 503 with Retry-After when no video server is configured', async () => {
    const res = await t.request('/api/admin/capacity/live', { headers: ops.headers() });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(((await res.json()) as { code: string }).code).toBe('video_unavailable');
  });

  describe.skipIf(!liveKitBuilt() && process.env.CI !== 'true')('with a real LiveKit server', () => {
    let lk: LiveKitServer;
    let dir: string;
    let live: TestApp;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'br-stats-lk-'));
      lk = await startLiveKit({ dir });
      live = createTestApp(tdb, {
        clock,
        env: { LIVEKIT_URL: lk.url, LIVEKIT_API_KEY: lk.apiKey, LIVEKIT_API_SECRET: lk.apiSecret },
      });
    });
    afterAll(async () => {
      await lk?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('lists live rooms against the capacity in force and 503 once the server is down', async () => {
      const b = await insertBooking(tdb.db, { counsellorId, start: '2026-12-03T08:00:00Z', kind: 'adhoc' });
      await live.deps.video.ensureRoom(b.roomName, { maxParticipants: 3, emptyTimeoutSeconds: 60 });
      const res = await live.request('/api/admin/capacity/live', { headers: ops.headers() });
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        liveRooms: number;
        capacity: number;
        rooms: { bookingId: string }[];
      };
      expect(body.liveRooms).toBe(1);
      expect(body.capacity).toBe(4);
      expect(body.rooms[0]!.bookingId).toBe(b.id);
      await lk.kill();
      const down = await live.request('/api/admin/capacity/live', { headers: ops.headers() });
      expect(down.status).toBe(503);
    });
  });
});
