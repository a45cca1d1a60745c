import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookingCreated as Created } from '../../contract/bookings.ts';
import { hashSecret } from '../../functions/platform/secrets.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { countBookingRows, type SchedulingSeed, seedScheduling } from '../helpers/scheduling.ts';

let tdb: TestDatabase;
let t: TestApp;
let seed: SchedulingSeed;
const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock });
  seed = await seedScheduling(tdb.db, { counsellors: 2, capacity: 8, horizonDays: 30, slotStepMinutes: 15 });
});
afterAll(async () => {
  await tdb.close();
});

const valid = {
  service: 'arbeitslosengeld',
  start: '2026-12-03T10:00:00+01:00',
  phone: '0151 23456789',
  name: 'Erika Mustermann',
  email: 'Erika@Example.org',
  customerNumber: '123A456',
  language: 'de',
  consent: true,
};

function book(body: unknown) {
  return t.request('/api/bookings', { method: 'POST', json: body });
}

describe('POST /api/bookings', () => {
  it('books a free slot: 201 with links, hashed secrets, SMS in the outbox, capacity counted, audit written', async () => {
    const res = await book(valid);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Created;
    expect(body.booking).toMatchObject({
      service: 'arbeitslosengeld',
      start: '2026-12-03T10:00:00+01:00',
      end: '2026-12-03T10:30:00+01:00',
      status: 'confirmed',
    });
    expect(body.joinUrl).toMatch(/^http:\/\/localhost:8787\/j\/[A-Za-z0-9_-]{22,}$/);
    expect(body.manageUrl).toMatch(/^http:\/\/localhost:8787\/m\/[A-Za-z0-9_-]{22,}$/);
    expect(JSON.stringify(body)).not.toMatch(/counsellor/i);

    const row = await tdb.db
      .selectFrom('bookings')
      .selectAll()
      .where('id', '=', body.booking.id)
      .executeTakeFirstOrThrow();
    const code = body.joinUrl.split('/j/')[1] as string;
    const token = body.manageUrl.split('/m/')[1] as string;
    expect(Buffer.from(row.join_code_hash)).toEqual(Buffer.from(await hashSecret(code)));
    expect(Buffer.from(row.manage_token_hash as Uint8Array)).toEqual(Buffer.from(await hashSecret(token)));
    expect(row.phone_e164).toBe('+4915123456789');
    // The e-mail is accepted for API compatibility but not collected: nothing would ever use it.
    expect(row.email).toBeNull();
    expect(row.room_name).toMatch(/^r_/);
    expect(seed.counsellorIds).toContain(row.counsellor_id);
    const raw = await sql<{ t: string }>`select row_to_json(b)::text as t from bookings b`.execute(tdb.db);
    expect(raw.rows[0]?.t).not.toContain(code);
    expect(raw.rows[0]?.t).not.toContain(token);

    const messages = await tdb.db
      .selectFrom('outbox_messages')
      .select(['kind', 'recipient', 'body', 'not_before'])
      .where('booking_id', '=', row.id)
      .orderBy('not_before')
      .execute();
    expect(messages.map((m) => m.kind)).toEqual(['confirmation', 'reminder', 'reminder']);
    // Links wait sealed (AES-GCM), never in clear.
    for (const m of messages) {
      expect(m.body).not.toContain(code);
      expect(m.body).not.toContain(token);
      expect(m.body).toMatch(/\/j\/\{\{seal:[A-Za-z0-9]+\.[\w-]+\}\}/);
    }
    expect(messages.map((m) => m.recipient)).toEqual(['+4915123456789', '+4915123456789', '+4915123456789']);
    expect(messages[1]?.not_before.toISOString()).toBe('2026-12-02T09:00:00.000Z');

    const buckets = await tdb.db.selectFrom('capacity_buckets').selectAll().orderBy('start_at').execute();
    expect(buckets.map((b) => [b.start_at.toISOString(), b.scheduled_used])).toEqual([
      ['2026-12-03T09:00:00.000Z', 1],
      ['2026-12-03T09:05:00.000Z', 1],
      ['2026-12-03T09:10:00.000Z', 1],
      ['2026-12-03T09:15:00.000Z', 1],
      ['2026-12-03T09:20:00.000Z', 1],
      ['2026-12-03T09:25:00.000Z', 1],
    ]);
    const audit = await tdb.db.selectFrom('audit_log').selectAll().where('entity_id', '=', row.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['booking.created']);
  });

  it('gives the slot to the counsellor with fewer bookings that day', async () => {
    const first = await tdb.db
      .selectFrom('bookings')
      .select('counsellor_id')
      .where('start_at', '=', new Date('2026-12-03T09:00:00Z'))
      .executeTakeFirstOrThrow();
    const res = await book({ ...valid, start: '2026-12-03T14:00:00+01:00' });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as Created).booking.id;
    const second = await tdb.db
      .selectFrom('bookings')
      .select('counsellor_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(second.counsellor_id).not.toBe(first.counsellor_id);
  });

  it('refuses a third booking of a slot two counsellors already hold, with 409 and nothing written', async () => {
    const slot = { ...valid, start: '2026-12-04T09:00:00+01:00' };
    expect((await book(slot)).status).toBe(201);
    expect((await book(slot)).status).toBe(201);
    const before = await countBookingRows(tdb.db);
    const res = await book(slot);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { code: string }).code).toBe('slot_unavailable');
    expect(await countBookingRows(tdb.db)).toEqual(before);
  });

  it('refuses a mobile number from a country outside BOOKING_PHONE_COUNTRIES (default DE) with 422', async () => {
    const before = await countBookingRows(tdb.db);
    const res = await book({ ...valid, start: '2026-12-04T11:30:00+01:00', phone: '+44 7700 900123' });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { code: string; errors: { path: string }[] };
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors[0]?.path).toBe('phone');
    expect(await countBookingRows(tdb.db)).toEqual(before);
  });

  it('accepts a mobile number from another configured country and stores it as E.164', async () => {
    const austria = createTestApp(tdb, { clock, env: { BOOKING_PHONE_COUNTRIES: 'DE,AT' } });
    const res = await austria.request('/api/bookings', {
      method: 'POST',
      json: {
        ...valid,
        start: '2026-12-04T11:00:00+01:00',
        phone: '+43 664 1234567',
        name: '',
      },
    });
    expect(res.status).toBe(201);
    const id = ((await res.json()) as Created).booking.id;
    const row = await tdb.db
      .selectFrom('bookings')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.phone_e164).toBe('+436641234567');
    expect(row.name).toBeNull();
  });

  it.each<[string, unknown, number, string]>([
    ['a body that is not JSON', '{"service":', 400, 'invalid_request'],
    ['an empty object', {}, 422, 'validation_failed'],
    ['a missing consent', { ...valid, consent: undefined }, 422, 'validation_failed'],
    ['consent false', { ...valid, consent: false }, 422, 'validation_failed'],
    ['consent as the string "true"', { ...valid, consent: 'true' }, 422, 'validation_failed'],
    ['a landline number', { ...valid, phone: '030 1234567' }, 422, 'validation_failed'],
    ['a phone number that is no number', { ...valid, phone: 'call me' }, 422, 'validation_failed'],
    ['a start without an offset', { ...valid, start: '2026-12-03T10:00:00' }, 422, 'validation_failed'],
    ['a start that is no date', { ...valid, start: '2026-13-45T10:00:00+01:00' }, 422, 'validation_failed'],
    ['an e-mail that is none', { ...valid, email: 'not-an-email' }, 422, 'validation_failed'],
    ['a name that is too long', { ...valid, name: 'x'.repeat(201) }, 422, 'validation_failed'],
    ['an unknown language', { ...valid, language: 'fr' }, 422, 'validation_failed'],
    ['a service that is not a string', { ...valid, service: 42 }, 422, 'validation_failed'],
    ['an unknown service', { ...valid, service: 'gibt-es-nicht' }, 422, 'unknown_service'],
    ['a start off the grid', { ...valid, start: '2026-12-03T10:05:00+01:00' }, 400, 'slot_invalid'],
    ['a start with seconds', { ...valid, start: '2026-12-03T10:00:30+01:00' }, 400, 'slot_invalid'],
    ['a start in the past', { ...valid, start: '2026-11-30T10:00:00+01:00' }, 400, 'slot_invalid'],
    [
      'a start within the minimum notice',
      { ...valid, start: '2026-12-01T10:00:00+01:00' },
      400,
      'slot_invalid',
    ],
    ['a start beyond the horizon', { ...valid, start: '2027-01-04T10:00:00+01:00' }, 400, 'slot_invalid'],
    [
      'a start outside working hours',
      { ...valid, start: '2026-12-03T18:00:00+01:00' },
      409,
      'slot_unavailable',
    ],
    ['a start on a Sunday', { ...valid, start: '2026-12-06T10:00:00+01:00' }, 409, 'slot_unavailable'],
  ])('answers %s with %i %s and changes nothing', async (_name, body, status, code) => {
    const before = await countBookingRows(tdb.db);
    const res =
      typeof body === 'string'
        ? await t.request('/api/bookings', {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/json' },
          })
        : await book(body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe(code);
    expect(await countBookingRows(tdb.db)).toEqual(before);
  });
});
