// What issued tokens can do on a real LiveKit server: one room only, admin only for the counsellor, no room creation.
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import {
  type BookingFixture,
  createStaff,
  insertBooking,
  type LiveKitFixture,
  liveKitMissingReason,
  loginStaff,
  startTestLiveKit,
} from '../helpers/room-fixtures.ts';

const skip = liveKitMissingReason();
const NOW = new Date('2026-12-03T09:00:00Z');

describe.skipIf(skip)('issued tokens on the real LiveKit server', () => {
  let tdb: TestDatabase;
  let lk: LiveKitFixture;
  let t: TestApp;
  let a: BookingFixture;
  let b: BookingFixture;
  let citizenA: string;
  let counsellorA: string;

  /** LiveKit's own check whether a token may connect (the browser SDK calls it on failures). */
  const validate = (token: string) =>
    fetch(`${lk.server.httpUrl}/rtc/validate?access_token=${encodeURIComponent(token)}`).then(
      (r) => r.status,
    );
  const asToken = (token: string) =>
    new RoomServiceClient(lk.server.httpUrl, undefined, undefined, { token, failover: false });
  const status = (p: Promise<unknown>) =>
    p.then(
      () => 200,
      (e: { status?: number }) => e.status ?? 0,
    );

  beforeAll(async () => {
    [tdb, lk] = await Promise.all([createTestDatabase(), startTestLiveKit()]);
    t = createTestApp(tdb, { clock: new TestClock(NOW), env: lk.env });
    const staff = await createStaff(tdb.db);
    a = await insertBooking(tdb.db, { counsellorId: staff.counsellorId!, start: NOW });
    b = await insertBooking(tdb.db, { start: NOW });
    const login = await loginStaff((p, init) => t.request(p, init), staff);
    const headers = { 'x-forwarded-for': '198.51.100.1' };
    citizenA = (
      await (await t.request('/api/join', { method: 'POST', json: { code: a.code }, headers })).json()
    ).token;
    counsellorA = (
      await (
        await t.request(`/api/staff/bookings/${a.id}/join`, { method: 'POST', headers: login.headers })
      ).json()
    ).token;
    // Room B exists too, so "denied" below is about permission and not about a missing room.
    await t.request('/api/join', { method: 'POST', json: { code: b.code }, headers });
  });
  afterAll(async () => {
    await lk?.stop();
    await tdb?.close();
  });

  it('lets both tokens connect to their room', async () => {
    expect(await validate(citizenA)).toBe(200);
    expect(await validate(counsellorA)).toBe(200);
  });

  it('rejects a citizen token rewritten to another room', async () => {
    const [h, p, s] = citizenA.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString('utf8'));
    claims.video.room = b.roomName;
    const forged = [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.');
    expect(await validate(forged)).toBe(401);
  });

  it('gives a citizen no admin rights, not even in their own room', async () => {
    expect(await status(asToken(citizenA).listParticipants(a.roomName))).toBe(401);
    expect(await status(asToken(citizenA).removeParticipant(a.roomName, `counsellor:${a.id}:x`))).toBe(401);
  });

  it('makes the counsellor admin of their own room and of no other', async () => {
    expect(await status(asToken(counsellorA).listParticipants(a.roomName))).toBe(200);
    expect(await status(asToken(counsellorA).listParticipants(b.roomName))).toBe(401);
    expect(await status(asToken(counsellorA).deleteRoom(b.roomName))).toBe(401);
    expect(await status(asToken(counsellorA).listRooms())).toBe(401);
    expect(await status(asToken(counsellorA).createRoom({ name: 'r_made_up' }))).toBe(401);
  });

  it('creates rooms with two seats and an empty-room timeout, and no token can create one', async () => {
    const [room] = await new RoomServiceClient(
      lk.server.httpUrl,
      lk.server.apiKey,
      lk.server.apiSecret,
    ).listRooms([a.roomName]);
    expect(room).toMatchObject({ name: a.roomName, maxParticipants: 2, emptyTimeout: 900 });
    await new RoomServiceClient(lk.server.httpUrl, lk.server.apiKey, lk.server.apiSecret).deleteRoom(
      a.roomName,
    );
    // With auto_create off, a valid token for a room that is gone cannot bring it back.
    expect(await validate(citizenA)).toBe(404);
  });
});
