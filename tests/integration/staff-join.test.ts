// Counsellor room actions against a real LiveKit server: join as admin of one room, presence, end, remove.
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import {
  createStaff,
  decodeJwt,
  insertBooking,
  type LiveKitFixture,
  liveKitMissingReason,
  loginStaff,
  type StaffFixture,
  type StaffLogin,
  startTestLiveKit,
} from '../helpers/room-fixtures.ts';

const skip = liveKitMissingReason();
const NOW = new Date('2026-12-03T09:00:00Z');

describe.skipIf(skip)('staff room actions', () => {
  let tdb: TestDatabase;
  let lk: LiveKitFixture;
  let t: TestApp;
  let rooms: RoomServiceClient;
  let owner: StaffFixture;
  let ownerLogin: StaffLogin;
  let colleagueLogin: StaffLogin;
  let operatorLogin: StaffLogin;

  const req = (path: string, login: StaffLogin | null, init: { method?: string; json?: unknown } = {}) =>
    t.request(path, { method: init.method ?? 'POST', json: init.json, headers: login?.headers ?? {} });
  // One counsellor's bookings may not overlap: each test books its own hour.
  const book = (startOffsetMinutes = 0, extra: { status?: 'cancelled' | 'completed' } = {}) =>
    insertBooking(tdb.db, {
      counsellorId: owner.counsellorId!,
      start: new Date(NOW.getTime() + startOffsetMinutes * 60_000),
      ...extra,
    });

  beforeAll(async () => {
    [tdb, lk] = await Promise.all([createTestDatabase(), startTestLiveKit()]);
    t = createTestApp(tdb, { clock: new TestClock(NOW), env: lk.env });
    rooms = new RoomServiceClient(lk.server.httpUrl, lk.server.apiKey, lk.server.apiSecret);
    owner = await createStaff(tdb.db);
    const colleague = await createStaff(tdb.db);
    const operator = await createStaff(tdb.db, { role: 'operator' });
    const request = (path: string, init: RequestInit) => t.request(path, init);
    ownerLogin = await loginStaff(request, owner);
    colleagueLogin = await loginStaff(request, colleague);
    operatorLogin = await loginStaff(request, operator);
  });
  afterAll(async () => {
    await lk?.stop();
    await tdb?.close();
  });

  it('gives the booking’s counsellor an admin token for that room alone', async () => {
    const b = await book(0);
    const res = await req(`/api/staff/bookings/${b.id}/join`, ownerLogin);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      room: b.roomName,
      role: 'counsellor',
      bookingId: b.id,
      identity: expect.stringMatching(new RegExp(`^counsellor:${b.id}:[0-9a-f]{16}$`)),
      serverUrl: lk.server.url,
      citizenPresent: false,
    });
    expect(body.notice.text).toMatch(/§ 201 StGB/);
    const claims = decodeJwt(body.token);
    expect(claims.sub).toBe(body.identity);
    expect(claims.sub).not.toContain(owner.userId);
    expect(claims.name).toBe(owner.displayName);
    expect(claims.video).toMatchObject({ room: b.roomName, roomJoin: true, roomAdmin: true });
    expect(claims.video?.roomCreate).toBeFalsy();
    expect(claims.video?.roomList).toBeFalsy();
    expect(claims.video?.roomRecord).toBeFalsy();
    expect(claims.video?.canPublishSources).toEqual([
      'camera',
      'microphone',
      'screen_share',
      'screen_share_audio',
    ]);
    expect((claims.exp as number) - (claims.nbf as number)).toBeLessThanOrEqual(600);
    expect((await rooms.listRooms([b.roomName])).length).toBe(1);
    await rooms.deleteRoom(b.roomName);
  });

  it('refuses other counsellors (403), operators (403), strangers (401) and unknown ids (404)', async () => {
    const b = await book(60);
    const path = `/api/staff/bookings/${b.id}/join`;
    expect((await req(path, colleagueLogin)).status).toBe(403);
    expect((await req(path, operatorLogin)).status).toBe(403);
    expect((await req(path, null)).status).toBe(401);
    expect((await req(`/api/staff/bookings/${crypto.randomUUID()}/join`, ownerLogin)).status).toBe(404);
    expect((await req('/api/staff/bookings/not-a-uuid/join', ownerLogin)).status).toBe(404);
    const noCsrf = await t.request(path, { method: 'POST', headers: { cookie: ownerLogin.cookie } });
    expect(noCsrf.status).toBe(403);
    expect((await noCsrf.json()).code).toBe('csrf_failed');
    expect(await rooms.listRooms([b.roomName])).toEqual([]);
  });

  it('applies the join window and booking state to counsellors too', async () => {
    const early = await book(120);
    const res = await req(`/api/staff/bookings/${early.id}/join`, ownerLogin);
    expect(res.status).toBe(425);
    expect((await res.json()).opensAt).toBe(new Date(early.start.getTime() - 15 * 60_000).toISOString());
    const cancelled = await book(0, { status: 'cancelled' });
    expect((await req(`/api/staff/bookings/${cancelled.id}/join`, ownerLogin)).status).toBe(410);
  });

  it('shows presence to the counsellor and operators, not to colleagues', async () => {
    const b = await book(180);
    const path = `/api/staff/bookings/${b.id}/presence`;
    const res = await req(path, ownerLogin, { method: 'GET' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      bookingId: b.id,
      status: 'confirmed',
      citizen: { present: false },
      counsellor: { present: false },
      citizenWaiting: false,
    });
    expect((await req(path, operatorLogin, { method: 'GET' })).status).toBe(200);
    expect((await req(path, colleagueLogin, { method: 'GET' })).status).toBe(403);
  });

  it('ends the session for everyone: the room is deleted, the booking completed, the code closed', async () => {
    const b = await book(240);
    await rooms.createRoom({ name: b.roomName });
    expect((await req(`/api/staff/bookings/${b.id}/end`, colleagueLogin)).status).toBe(403);
    const res = await req(`/api/staff/bookings/${b.id}/end`, ownerLogin);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ booking: { id: b.id, status: 'completed' } });
    expect(await rooms.listRooms([b.roomName])).toEqual([]);
    const row = await tdb.db
      .selectFrom('bookings')
      .select(['status', 'ended_at'])
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'completed', ended_at: NOW });
    // Ending twice is harmless.
    expect((await req(`/api/staff/bookings/${b.id}/end`, ownerLogin)).status).toBe(200);
  });

  it('keeps the booking unchanged and answers 503 when the video service is down at the end', async () => {
    const b = await book(300);
    await lk.server.stop();
    try {
      const res = await req(`/api/staff/bookings/${b.id}/end`, ownerLogin);
      expect(res.status).toBe(503);
      expect((await res.json()).code).toBe('video_unavailable');
      const row = await tdb.db
        .selectFrom('bookings')
        .select('status')
        .where('id', '=', b.id)
        .executeTakeFirst();
      expect(row?.status).toBe('confirmed');
    } finally {
      await lk.server.start();
    }
  });

  it('removes only participants of its own booking', async () => {
    const b = await book(360);
    const other = await insertBooking(tdb.db, { start: NOW });
    await rooms.createRoom({ name: b.roomName });
    const path = `/api/staff/bookings/${b.id}/remove-participant`;
    const foreign = await req(path, ownerLogin, { json: { identity: `citizen:${other.id}` } });
    expect(foreign.status).toBe(422);
    // The citizen is not connected: LiveKit says so and the answer is 404.
    const absent = await req(path, ownerLogin, { json: {} });
    expect(absent.status).toBe(404);
    expect((await req(path, colleagueLogin, { json: {} })).status).toBe(403);
    await rooms.deleteRoom(b.roomName);
  });
});
