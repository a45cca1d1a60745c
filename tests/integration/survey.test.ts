// POST /api/survey: once per booking, only for a real join code in its window, bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../functions/app/seed.ts';
import { generateRoomName, generateSecret, hashSecret } from '../../functions/platform/secrets.ts';
import { createTestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

const START = new Date('2026-12-03T09:00:00Z');
const END = new Date('2026-12-03T09:30:00Z');

let tdb: TestDatabase;
let counsellorId: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedDemoData(tdb.db, { password: 'pw', iterations: 1000, counsellors: 2 });
  const c = await tdb.db.selectFrom('counsellors').select('id').executeTakeFirstOrThrow();
  counsellorId = c.id;
});

afterAll(async () => {
  await tdb?.close();
});

let slot = 0;
/** A booking on its own counsellor-free time so bookings never overlap; returns its join code and id. */
async function seedBooking(status: 'confirmed' | 'cancelled' | 'completed' = 'confirmed') {
  const code = generateSecret();
  const offset = slot++ * 24 * 3_600_000;
  const start = new Date(START.getTime() + offset);
  const end = new Date(END.getTime() + offset);
  const row = await tdb.db
    .insertInto('bookings')
    .values({
      service_id: 'arbeitslosengeld',
      counsellor_id: counsellorId,
      status,
      start_at: start,
      end_at: end,
      blocked: `[${start.toISOString()},${end.toISOString()})`,
      join_code_hash: await hashSecret(code),
      room_name: generateRoomName(),
      phone_e164: '+4915112345678',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { code, id: row.id, start, end };
}

function appAt(at: Date) {
  return createTestApp(tdb, { clock: new TestClock(at) });
}

async function countAnswers(): Promise<number> {
  const r = await tdb.db
    .selectFrom('survey_responses')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('POST /api/survey', () => {
  it('stores one answer after the session and refuses a second answer with 409', async () => {
    const b = await seedBooking('completed');
    const t = appAt(new Date(b.end.getTime() + 60_000));
    const first = await t.request('/api/survey', {
      method: 'POST',
      json: { code: b.code, recommend: true, easeOfUse: 5, comment: '  Sehr gut  ' },
    });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ survey: { recommend: true, easeOfUse: 5, comment: 'Sehr gut' } });
    const second = await t.request('/api/survey', {
      method: 'POST',
      json: { code: b.code, recommend: false, easeOfUse: 1 },
    });
    expect(second.status).toBe(409);
    expect((await second.json()).code).toBe('already_answered');
    const row = await tdb.db
      .selectFrom('survey_responses')
      .selectAll()
      .where('booking_id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ recommend: true, ease_of_use: 5, comment: 'Sehr gut' });
  });

  it('accepts an answer during the session without a comment', async () => {
    const b = await seedBooking();
    const t = appAt(new Date(b.start.getTime() + 5 * 60_000));
    const res = await t.request('/api/survey', {
      method: 'POST',
      json: { code: b.code, recommend: false, easeOfUse: 2 },
    });
    expect(res.status).toBe(201);
    expect((await res.json()).survey.comment).toBeNull();
  });

  it.each([
    ['easeOfUse 0', { recommend: true, easeOfUse: 0 }],
    ['easeOfUse 6', { recommend: true, easeOfUse: 6 }],
    ['easeOfUse 2.5', { recommend: true, easeOfUse: 2.5 }],
    ['recommend as string', { recommend: 'yes', easeOfUse: 3 }],
    ['missing recommend', { easeOfUse: 3 }],
    ['comment too long', { recommend: true, easeOfUse: 3, comment: 'x'.repeat(2001) }],
    ['unknown field', { recommend: true, easeOfUse: 3, rating: 9 }],
  ])('rejects %s with 422 and stores nothing', async (_name, body) => {
    const b = await seedBooking();
    const before = await countAnswers();
    const res = await appAt(b.end).request('/api/survey', {
      method: 'POST',
      json: { code: b.code, ...body },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).code).toBe('validation_failed');
    expect(await countAnswers()).toBe(before);
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await appAt(END).request('/api/survey', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"code":',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('invalid_request');
  });

  it('answers 404 for an unknown or malformed code', async () => {
    for (const code of [generateSecret(), 'nope', 'a'.repeat(128)]) {
      const res = await appAt(END).request('/api/survey', {
        method: 'POST',
        json: { code, recommend: true, easeOfUse: 4 },
      });
      expect(res.status).toBe(404);
      expect((await res.json()).code).toBe('not_found');
    }
  });

  it('rate-limits answers per client before the lookup: 429 with Retry-After, even for a real code', async () => {
    const b = await seedBooking('completed');
    const t = appAt(new Date(b.end.getTime() + 60_000));
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await t.request('/api/survey', {
        method: 'POST',
        headers: { 'x-forwarded-for': '203.0.113.9' },
        json: { code: generateSecret(), recommend: true, easeOfUse: 4 },
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const real = await t.request('/api/survey', {
      method: 'POST',
      headers: { 'x-forwarded-for': '203.0.113.9' },
      json: { code: b.code, recommend: true, easeOfUse: 4 },
    });
    expect(real.status).toBe(429);
    const other = await t.request('/api/survey', {
      method: 'POST',
      headers: { 'x-forwarded-for': '203.0.113.10' },
      json: { code: b.code, recommend: true, easeOfUse: 4 },
    });
    expect(other.status).toBe(201);
  });

  it('refuses a survey before the session opens with 425 and opensAt', async () => {
    const b = await seedBooking();
    const res = await appAt(new Date(b.start.getTime() - 60 * 60_000)).request('/api/survey', {
      method: 'POST',
      json: { code: b.code, recommend: true, easeOfUse: 4 },
    });
    expect(res.status).toBe(425);
    const body = await res.json();
    expect(body.code).toBe('join_not_open');
    expect(body.opensAt).toBe(new Date(b.start.getTime() - 15 * 60_000).toISOString());
    expect(await tdb.db.selectFrom('survey_responses').where('booking_id', '=', b.id).execute()).toEqual([]);
  });

  it('refuses a cancelled booking with 410 and a survey weeks later with 410', async () => {
    const cancelled = await seedBooking('cancelled');
    const r1 = await appAt(cancelled.end).request('/api/survey', {
      method: 'POST',
      json: { code: cancelled.code, recommend: true, easeOfUse: 4 },
    });
    expect(r1.status).toBe(410);
    expect((await r1.json()).code).toBe('booking_cancelled');
    const old = await seedBooking('completed');
    const r2 = await appAt(new Date(old.end.getTime() + 15 * 86_400_000)).request('/api/survey', {
      method: 'POST',
      json: { code: old.code, recommend: true, easeOfUse: 4 },
    });
    expect(r2.status).toBe(410);
    expect((await r2.json()).code).toBe('gone');
  });
});
