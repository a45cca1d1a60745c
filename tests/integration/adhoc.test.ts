// POST /api/staff/adhoc-sessions: an immediate session from the ad-hoc reserve, joinable at once, link by SMS.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, openedBody, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import {
  createStaff,
  decodeJwt,
  ensureService,
  type LiveKitFixture,
  liveKitMissingReason,
  loginStaff,
  type StaffLogin,
  startTestLiveKit,
} from '../helpers/room-fixtures.ts';

const skip = liveKitMissingReason();
const NOW = new Date('2026-12-03T09:02:00Z');

describe.skipIf(skip)('POST /api/staff/adhoc-sessions', () => {
  let tdb: TestDatabase;
  let lk: LiveKitFixture;
  let t: TestApp;

  const login = async (options: Parameters<typeof createStaff>[1] = {}) => {
    const staff = await createStaff(tdb.db, options);
    return { staff, login: await loginStaff((p, init) => t.request(p, init), staff) };
  };
  const start = (l: StaffLogin, json: unknown = {}) =>
    t.request('/api/staff/adhoc-sessions', { method: 'POST', json, headers: l.headers });

  beforeAll(async () => {
    [tdb, lk] = await Promise.all([createTestDatabase(), startTestLiveKit()]);
    t = createTestApp(tdb, { clock: new TestClock(NOW), env: lk.env });
    await ensureService(tdb.db);
  });
  beforeEach(async () => {
    // Capacity 1, all of it reserved for ad-hoc sessions; no session yet.
    await tdb.db.deleteFrom('capacity_buckets').execute();
    await tdb.db
      .updateTable('bookings')
      .set({ status: 'cancelled' })
      .where('status', '=', 'confirmed')
      .execute();
    await tdb.db
      .insertInto('capacity_settings')
      .values({ id: 1, max_concurrent_sessions: 1, adhoc_reserve: 1, adhoc_duration_minutes: 30 })
      .onConflict((oc) => oc.column('id').doUpdateSet({ max_concurrent_sessions: 1, adhoc_reserve: 1 }))
      .execute();
  });
  afterAll(async () => {
    await lk?.stop();
    await tdb?.close();
  });

  it('creates a session starting now that the citizen can join at once with its link', async () => {
    const { staff, login: l } = await login();
    const res = await start(l, { phone: '0151 23456789', name: 'Erika Muster' });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.booking).toMatchObject({
      kind: 'adhoc',
      status: 'confirmed',
      start: NOW.toISOString(),
      end: new Date(NOW.getTime() + 30 * 60_000).toISOString(),
    });
    expect(body.joinUrl).toMatch(/^http:\/\/localhost:8787\/j\/[A-Za-z0-9_-]{22,}$/);
    const code = body.joinUrl.split('/j/')[1];
    const joined = await t.request('/api/join', {
      method: 'POST',
      json: { code },
      headers: { 'x-forwarded-for': '192.0.2.7' },
    });
    expect(joined.status).toBe(200);
    const claims = decodeJwt((await joined.json()).token);
    expect(claims.sub).toBe(`citizen:${body.booking.id}`);
    expect(claims.video?.roomAdmin).toBeFalsy();
    expect(claims.video?.canPublishSources).toEqual(['camera', 'microphone']);
    const counsellor = await t.request(`/api/staff/bookings/${body.booking.id}/join`, {
      method: 'POST',
      headers: l.headers,
    });
    expect(counsellor.status).toBe(200);
    const c = decodeJwt((await counsellor.json()).token);
    expect(c.sub).toMatch(new RegExp(`^counsellor:${body.booking.id}:[0-9a-f]{16}$`));
    expect(c.sub).not.toContain(staff.userId);
    expect(c.video).toMatchObject({ room: claims.video?.room, roomAdmin: true });
    const sms = await tdb.db
      .selectFrom('outbox_messages')
      .select(['kind', 'recipient', 'body'])
      .where('booking_id', '=', body.booking.id)
      .execute();
    expect(sms).toEqual([
      { kind: 'adhoc_link', recipient: '+4915123456789', body: expect.stringContaining('/j/{{seal:') },
    ]);
    expect(sms[0]?.body).not.toContain(code);
    expect(await openedBody(sms[0]?.body)).toContain(code);
  });

  it('queues no SMS without a phone number', async () => {
    const { login: l } = await login();
    const res = await start(l);
    expect(res.status).toBe(201);
    const { booking } = await res.json();
    const sms = await tdb.db
      .selectFrom('outbox_messages')
      .select('id')
      .where('booking_id', '=', booking.id)
      .execute();
    expect(sms).toEqual([]);
  });

  it('answers 409 adhoc_capacity_unavailable when the reserve is used up', async () => {
    const first = await login();
    const second = await login();
    expect((await start(first.login)).status).toBe(201);
    const res = await start(second.login);
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('adhoc_capacity_unavailable');
  });

  it('answers 409 counsellor_busy when the counsellor is already in a session', async () => {
    await tdb.db
      .updateTable('capacity_settings')
      .set({ max_concurrent_sessions: 5, adhoc_reserve: 5 })
      .execute();
    const { login: l } = await login();
    expect((await start(l)).status).toBe(201);
    const res = await start(l);
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('counsellor_busy');
  });

  it('rejects a landline or malformed number with 422 and creates nothing', async () => {
    const { staff, login: l } = await login();
    for (const phone of ['030 1234567', 'call me']) {
      const res = await start(l, { phone });
      expect(res.status).toBe(422);
      expect((await res.json()).errors[0].path).toBe('phone');
    }
    const rows = await tdb.db
      .selectFrom('bookings')
      .select('id')
      .where('counsellor_id', '=', staff.counsellorId!)
      .execute();
    expect(rows).toEqual([]);
  });

  it('is for counsellors: an operator without a counsellor profile gets 403, a stranger 401', async () => {
    const { login: l } = await login({ role: 'operator' });
    expect((await start(l)).status).toBe(403);
    const anon = await t.request('/api/staff/adhoc-sessions', { method: 'POST', json: {} });
    expect(anon.status).toBe(401);
  });
});
