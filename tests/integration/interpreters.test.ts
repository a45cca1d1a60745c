// Interpreters as a third participant: console, slots, a claim in the booking's statement under concurrency, capacity, join.
import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { interpreterIdentity } from '../../functions/rooms/token-scope.ts';
import { createTestApp, openedBody, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import {
  decodeJwt,
  type LiveKitFixture,
  liveKitMissingReason,
  startTestLiveKit,
} from '../helpers/room-fixtures.ts';
import { countBookingRows, seedScheduling } from '../helpers/scheduling.ts';
import { createStaff, login, type Session } from '../helpers/staff-fixtures.ts';

const skip = liveKitMissingReason();
const SLOT = '2026-12-03T10:00:00+01:00';

describe.skipIf(skip)('interpreters', () => {
  let tdb: TestDatabase;
  let lk: LiveKitFixture;
  let t: TestApp;
  let operator: Session;
  const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));
  const interpreterIds: string[] = [];

  const book = (interpreter: string | null, start = SLOT) =>
    t.request('/api/bookings', {
      method: 'POST',
      json: { service: 'arbeitslosengeld', start, phone: '+4915123456789', consent: true, interpreter },
    });
  const used = async (at: string) =>
    (
      await tdb.db
        .selectFrom('capacity_buckets')
        .select('scheduled_used')
        .where('start_at', '=', new Date(at))
        .executeTakeFirst()
    )?.scheduled_used ?? 0;
  const addInterpreter = async (json: Record<string, unknown>) => {
    const res = await t.request('/api/admin/interpreters', {
      method: 'POST',
      headers: operator.headers(true),
      json,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { interpreter: { id: string } }).interpreter;
  };

  beforeAll(async () => {
    [tdb, lk] = await Promise.all([createTestDatabase(), startTestLiveKit()]);
    t = createTestApp(tdb, { clock, env: { ...lk.env, RATE_LIMITS: 'off' } });
    await seedScheduling(tdb.db, { counsellors: 6, capacity: 3, slotStepMinutes: 30 });
    await createStaff(tdb.db, { email: 'op@example.org', role: 'operator', counsels: false });
    operator = await login(t, 'op@example.org');
    const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '16:00' }));
    for (const name of ['Ayşe Yılmaz', 'Mehmet Demir']) {
      const i = await addInterpreter({ name, phone: '0151 11111111', languages: ['tr', 'ku'], hours });
      interpreterIds.push(i.id);
    }
    await addInterpreter({
      name: 'Gebärdendolmetscherin',
      phone: '0151 22222222',
      languages: ['dgs'],
      hours,
    });
  });
  beforeEach(async () => {
    await tdb.db.deleteFrom('outbox_messages').execute();
    await tdb.db.deleteFrom('interpreter_bookings').execute();
    await tdb.db.deleteFrom('bookings').execute();
    await tdb.db.deleteFrom('capacity_buckets').execute();
    t.deps.calendarChanged('all');
  });
  afterAll(async () => {
    await lk?.stop();
    await tdb?.close();
  });

  it('lists the languages on offer and slots only where an interpreter works', async () => {
    const langs = await (await t.request('/api/interpreter-languages')).json();
    expect(langs).toEqual({ languages: ['dgs', 'ku', 'tr'] });
    const slots = async (q: string) =>
      (
        (await (
          await t.request(`/api/slots?service=arbeitslosengeld&from=2026-12-03&to=2026-12-05${q}`)
        ).json()) as {
          days: { freeCount: number }[];
        }
      ).days.map((d) => d.freeCount);
    expect(await slots('')).toEqual([16, 16, 0]);
    expect(await slots('&interpreter=tr')).toEqual([16, 16, 0]);
    expect(await slots('&interpreter=ar')).toEqual([0, 0, 0]);
    expect((await book('ar')).status).toBe(409);
  });

  it('under concurrency claims each interpreter once and counts the session twice against capacity', async () => {
    const before = await countBookingRows(tdb.db);
    const results = await Promise.all(Array.from({ length: 8 }, () => book('tr')));
    const statuses = results.map((r) => r.status).sort();
    // Two Turkish interpreters, capacity 3: the first claim takes 2 places, the second would need 4.
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    const claims = await tdb.db.selectFrom('interpreter_bookings').selectAll().execute();
    expect(claims).toHaveLength(1);
    expect(claims[0]?.status).toBe('confirmed');
    expect(await used('2026-12-03T09:00:00Z')).toBe(2);
    const after = await countBookingRows(tdb.db);
    expect(after.bookings).toBe((before.bookings ?? 0) + 1);
    // The interpreter's SMS went to the interpreter, with a link of its own, sealed at rest like every link.
    const sms = await tdb.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('kind', '=', 'interpreter_invite')
      .execute();
    expect(sms.map((m) => m.recipient)).toEqual(['+4915111111111']);
    expect(sms[0]?.body).not.toMatch(/\/j\/[A-Za-z0-9_-]{22}/);
    expect(sms[0]?.body).toMatch(/\/j\/\{\{seal:/);
    expect(await openedBody(sms[0]?.body)).toMatch(/\/j\/[A-Za-z0-9_-]{22}/);
  });

  it('never double-books one interpreter at overlapping times across many parallel bookings', async () => {
    await t.request(`/api/admin/capacity`, {
      method: 'PUT',
      headers: operator.headers(true),
      json: { maxConcurrentSessions: 20 },
    });
    const results = await Promise.all(Array.from({ length: 10 }, () => book('dgs')));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const two = await Promise.all(Array.from({ length: 10 }, () => book('tr', '2026-12-03T11:00:00+01:00')));
    expect(two.filter((r) => r.status === 201)).toHaveLength(2);
    const overlaps = await tdb.db
      .selectFrom('interpreter_bookings as a')
      .innerJoin('interpreter_bookings as b', (j) =>
        j.onRef('a.interpreter_id', '=', 'b.interpreter_id').onRef('a.id', '<', 'b.id'),
      )
      .select('a.id')
      .where('a.status', '=', 'confirmed')
      .where('b.status', '=', 'confirmed')
      .execute();
    expect(overlaps).toEqual([]);
    expect(await used('2026-12-03T10:00:00Z')).toBe(4);
    await t.request(`/api/admin/capacity`, {
      method: 'PUT',
      headers: operator.headers(true),
      json: { maxConcurrentSessions: 3 },
    });
  });

  it('a three-person session leaves one place: a plain booking fits, another does not; cancelling frees both', async () => {
    const first = await book('tr');
    expect(first.status).toBe(201);
    expect((await book(null)).status).toBe(201);
    expect((await book(null)).status).toBe(409);
    expect(await used('2026-12-03T09:00:00Z')).toBe(3);
    const token = ((await first.json()) as { manageUrl: string }).manageUrl.split('/m/')[1];
    expect((await t.request(`/api/bookings/manage/${token}`, { method: 'DELETE' })).status).toBe(200);
    expect(await used('2026-12-03T09:00:00Z')).toBe(1);
    const claim = await tdb.db.selectFrom('interpreter_bookings').select('status').executeTakeFirstOrThrow();
    expect(claim.status).toBe('cancelled');
  });

  it('moving the appointment takes the interpreter along and sends a new link', async () => {
    const res = await book('tr');
    const { manageUrl } = (await res.json()) as { manageUrl: string };
    const token = manageUrl.split('/m/')[1];
    const moved = await t.request(`/api/bookings/manage/${token}/reschedule`, {
      method: 'POST',
      json: { start: '2026-12-04T09:00:00+01:00' },
    });
    expect(moved.status).toBe(200);
    const claims = await tdb.db
      .selectFrom('interpreter_bookings')
      .select(['status', 'language'])
      .orderBy('created_at')
      .execute();
    expect(claims).toEqual([
      { status: 'cancelled', language: 'tr' },
      { status: 'confirmed', language: 'tr' },
    ]);
    expect(await used('2026-12-03T09:00:00Z')).toBe(0);
    expect(await used('2026-12-04T08:00:00Z')).toBe(2);
    const invites = await tdb.db
      .selectFrom('outbox_messages')
      .select('id')
      .where('kind', '=', 'interpreter_invite')
      .execute();
    expect(invites).toHaveLength(2);
  });

  it('the interpreter joins with their own identity, camera and microphone, no admin, in a room for three', async () => {
    const res = await book('dgs');
    const { booking } = (await res.json()) as { booking: { id: string } };
    const sms = await tdb.db
      .selectFrom('outbox_messages')
      .select('body')
      .where('kind', '=', 'interpreter_invite')
      .executeTakeFirstOrThrow();
    const code = /\/j\/([A-Za-z0-9_-]+)/.exec(await openedBody(sms.body))?.[1];
    clock.set(new Date('2026-12-03T08:55:00Z'));
    try {
      const joined = await t.request('/api/join', { method: 'POST', json: { code } });
      expect(joined.status).toBe(200);
      const body = (await joined.json()) as {
        role: string;
        identity: string;
        token: string;
        room: string;
        interpreterLanguage: string;
      };
      const row = await tdb.db
        .selectFrom('interpreter_bookings')
        .select('interpreter_id')
        .executeTakeFirstOrThrow();
      // Opaque like the counsellor's: the citizen's page never learns the interpreter's record id.
      expect(body).toMatchObject({
        role: 'interpreter',
        identity: await interpreterIdentity(booking.id, row.interpreter_id),
        interpreterLanguage: 'dgs',
      });
      expect(body.identity).not.toContain(row.interpreter_id);
      const claims = decodeJwt(body.token);
      expect(claims.video?.roomAdmin).toBeFalsy();
      // The citizen's grant: link-quality reports for the counsellor's indicator are data messages.
      expect(claims.video?.canPublishData).toBe(true);
      expect(claims.video?.canPublishSources).toEqual(['camera', 'microphone']);
      const rooms = await new RoomServiceClient(
        lk.server.httpUrl,
        lk.server.apiKey,
        lk.server.apiSecret,
      ).listRooms([body.room]);
      expect(rooms.map((r) => r.maxParticipants)).toEqual([3]);
    } finally {
      clock.set(new Date('2026-12-01T08:00:00Z'));
    }
  });

  it('rejects bad interpreter input with problems and changes nothing', async () => {
    const before = await tdb.db.selectFrom('interpreters').select('id').execute();
    for (const json of [
      { name: '', phone: '0151 1', languages: ['tr'] },
      { name: 'X', phone: '0151 11111111', languages: [] },
      { name: 'X', phone: '0151 11111111', languages: ['Türkisch'] },
      {
        name: 'X',
        phone: '0151 11111111',
        languages: ['tr'],
        hours: [{ weekday: 8, start: '08:00', end: '09:00' }],
      },
    ]) {
      const res = await t.request('/api/admin/interpreters', {
        method: 'POST',
        headers: operator.headers(true),
        json,
      });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await book('Türkisch')).status).toBe(422);
    expect(await tdb.db.selectFrom('interpreters').select('id').execute()).toHaveLength(before.length);
  });
});
