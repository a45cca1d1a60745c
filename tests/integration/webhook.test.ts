// POST /api/livekit/webhook: signed events are recorded once; unsigned, tampered or foreign-signed ones change nothing.
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presenceForBookings } from '../../functions/rooms/presence.ts';
import { DEV_API_KEY } from '../../scripts/lib/livekit.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type BookingFixture, insertBooking } from '../helpers/room-fixtures.ts';

const NOW = new Date('2026-12-03T09:00:00Z');
const T0 = Math.floor(NOW.getTime() / 1000);
/** The app's LiveKit API secret in this file; random, like the dev server's. */
const WEBHOOK_SECRET = crypto.randomUUID() + crypto.randomUUID();

async function sign(body: string, secret = WEBHOOK_SECRET, key = DEV_API_KEY): Promise<string> {
  const at = new AccessToken(key, secret);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  at.sha256 = Buffer.from(digest).toString('base64');
  return at.toJwt();
}

let seq = 0;
function event(
  name: string,
  b: BookingFixture,
  extra: { identity?: string; at?: number; roomSid?: string; id?: string; participants?: number } = {},
) {
  return JSON.stringify({
    event: name,
    id: extra.id ?? `EV_${++seq}_${b.id.slice(0, 8)}`,
    createdAt: String(extra.at ?? T0),
    room: {
      sid: extra.roomSid ?? `RM_${b.id.slice(0, 8)}`,
      name: b.roomName,
      creationTime: String(T0 - 60),
      numParticipants: extra.participants ?? 1,
    },
    ...(extra.identity
      ? { participant: { sid: `PA_${seq}`, identity: extra.identity, state: 'ACTIVE' } }
      : {}),
  });
}

describe('POST /api/livekit/webhook', () => {
  let tdb: TestDatabase;
  let t: TestApp;

  const post = async (body: string, authorization?: string | null) => {
    const headers: Record<string, string> = { 'content-type': 'application/webhook+json' };
    const auth = authorization === undefined ? await sign(body) : authorization;
    if (auth !== null) headers.authorization = auth;
    return t.request('/api/livekit/webhook', { method: 'POST', body, headers });
  };
  const bookingRow = (id: string) =>
    tdb.db
      .selectFrom('bookings')
      .select(['citizen_joined_at', 'counsellor_joined_at', 'ended_at', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const counts = async () => {
    const [e, s] = await Promise.all([
      tdb.db
        .selectFrom('participant_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      tdb.db
        .selectFrom('room_sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { events: Number(e.n), sessions: Number(s.n) };
  };

  beforeAll(async () => {
    tdb = await createTestDatabase();
    t = createTestApp(tdb, {
      clock: new TestClock(NOW),
      // No server is needed to verify signatures; the URL only has to be configured.
      env: {
        LIVEKIT_URL: 'ws://127.0.0.1:9',
        LIVEKIT_API_KEY: DEV_API_KEY,
        LIVEKIT_API_SECRET: WEBHOOK_SECRET,
      },
    });
  });
  afterAll(async () => {
    await tdb?.close();
  });

  it('records a signed participant join on the booking, its room session and the presence', async () => {
    const b = await insertBooking(tdb.db, { start: NOW });
    const res = await post(event('participant_joined', b, { identity: `citizen:${b.id}`, at: T0 + 5 }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'recorded' });
    expect((await bookingRow(b.id)).citizen_joined_at).toEqual(new Date((T0 + 5) * 1000));
    const events = await tdb.db
      .selectFrom('participant_events')
      .selectAll()
      .where('booking_id', '=', b.id)
      .execute();
    expect(events).toMatchObject([{ role: 'citizen', event: 'joined', identity: `citizen:${b.id}` }]);
    const session = await tdb.db
      .selectFrom('room_sessions')
      .selectAll()
      .where('booking_id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(session).toMatchObject({ room_name: b.roomName, finished_at: null });
    const presence = (await presenceForBookings(tdb.db, [b.id])).get(b.id)!;
    expect([presence.citizen.present, presence.counsellor.present, presence.citizenWaiting]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('changes nothing when the same event is delivered again', async () => {
    const b = await insertBooking(tdb.db, { start: NOW });
    const body = event('participant_joined', b, { identity: `citizen:${b.id}`, at: T0 + 1 });
    expect((await post(body)).status).toBe(200);
    const before = { row: await bookingRow(b.id), counts: await counts() };
    // A redelivery is byte-identical but signed anew.
    expect((await post(body)).status).toBe(200);
    expect((await post(body)).status).toBe(200);
    expect({ row: await bookingRow(b.id), counts: await counts() }).toEqual(before);
  });

  it('records a whole session: start, both joins, leaves, finish, and ends the booking', async () => {
    const b = await insertBooking(tdb.db, { start: NOW });
    const counsellor = `counsellor:${b.id}:${crypto.randomUUID()}`;
    const sequence = [
      event('room_started', b, { at: T0 }),
      event('participant_joined', b, { identity: `citizen:${b.id}`, at: T0 + 10 }),
      event('participant_joined', b, { identity: counsellor, at: T0 + 70, participants: 2 }),
      event('participant_left', b, { identity: `citizen:${b.id}`, at: T0 + 1800 }),
      event('participant_left', b, { identity: counsellor, at: T0 + 1805 }),
      event('room_finished', b, { at: T0 + 1900 }),
    ];
    for (const body of sequence) expect((await post(body)).status).toBe(200);
    const row = await bookingRow(b.id);
    expect(row).toMatchObject({
      citizen_joined_at: new Date((T0 + 10) * 1000),
      counsellor_joined_at: new Date((T0 + 70) * 1000),
      ended_at: new Date((T0 + 1900) * 1000),
    });
    const session = await tdb.db
      .selectFrom('room_sessions')
      .selectAll()
      .where('booking_id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(session).toMatchObject({
      started_at: new Date((T0 - 60) * 1000),
      finished_at: new Date((T0 + 1900) * 1000),
      max_participants: 2,
    });
    const events = await tdb.db
      .selectFrom('participant_events')
      .select(['role', 'event'])
      .where('booking_id', '=', b.id)
      .orderBy('at')
      .execute();
    expect(events.map((e) => `${e.role}:${e.event}`)).toEqual([
      'citizen:joined',
      'counsellor:joined',
      'citizen:left',
      'counsellor:left',
    ]);
    const before = await counts();
    for (const body of sequence) expect((await post(body)).status).toBe(200);
    expect(await counts()).toEqual(before);
    expect(await bookingRow(b.id)).toEqual(row);
  });

  it('does not end a booking whose room only the citizen visited', async () => {
    const b = await insertBooking(tdb.db, { start: NOW });
    await post(event('participant_joined', b, { identity: `citizen:${b.id}` }));
    await post(event('room_finished', b, { at: T0 + 300 }));
    expect((await bookingRow(b.id)).ended_at).toBeNull();
    const presence = (await presenceForBookings(tdb.db, [b.id])).get(b.id)!;
    expect(presence.citizen.present).toBe(false);
  });

  it('attributes an identity that names another booking to nobody', async () => {
    const b = await insertBooking(tdb.db, { start: NOW });
    const other = await insertBooking(tdb.db, { start: NOW });
    await post(event('participant_joined', b, { identity: `citizen:${other.id}` }));
    expect((await bookingRow(b.id)).citizen_joined_at).toBeNull();
    expect((await bookingRow(other.id)).citizen_joined_at).toBeNull();
    const e = await tdb.db
      .selectFrom('participant_events')
      .select('role')
      .where('identity', '=', `citizen:${other.id}`)
      .executeTakeFirstOrThrow();
    expect(e.role).toBe('other');
  });

  it.each([
    ['without a signature', async (_body: string) => null],
    ['with a signature for another body', async (body: string) => sign(`${body} `)],
    ['signed with another secret', async (body: string) => sign(body, 'another-secret-0123456789abcdef0123')],
    ['signed with another key', async (body: string) => sign(body, WEBHOOK_SECRET, 'otherkey')],
    ['with garbage as the signature', async (_body: string) => 'not.a.jwt'],
  ])('rejects an event %s with 401 and records nothing', async (_label, authorize) => {
    const b = await insertBooking(tdb.db, { start: NOW });
    const before = await counts();
    const body = event('participant_joined', b, { identity: `citizen:${b.id}` });
    const res = await post(body, await authorize(body));
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await res.json()).code).toBe('unauthorized');
    expect(await counts()).toEqual(before);
    expect((await bookingRow(b.id)).citizen_joined_at).toBeNull();
  });

  it('rejects a signed event whose body was changed on the way', async () => {
    const b = await insertBooking(tdb.db, { start: NOW });
    const body = event('participant_joined', b, { identity: `citizen:${b.id}` });
    const tampered = body.replace('participant_joined', 'participant_left');
    expect((await post(tampered, await sign(body))).status).toBe(401);
  });

  it('acknowledges signed events it does not use', async () => {
    const b = await insertBooking(tdb.db, { start: NOW });
    const res = await post(event('track_published', b, { identity: `citizen:${b.id}` }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ignored' });
  });
});
