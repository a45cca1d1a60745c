// BOOKING_PHONE_VERIFICATION: a code by SMS before the booking is final, always or only when something is unusual.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, RecordingSms, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { seedScheduling } from '../helpers/scheduling.ts';

const NOW = new Date('2026-12-07T09:00:00Z');

let tdb: TestDatabase;
let clock: TestClock;
let sms: RecordingSms;

beforeAll(async () => {
  tdb = await createTestDatabase();
  clock = new TestClock(NOW);
  sms = new RecordingSms();
  await seedScheduling(tdb.db, { counsellors: 4, capacity: 10, weekdays: [1, 2, 3, 4, 5, 6, 7] });
});

afterAll(async () => {
  await tdb?.close();
});

let day = 1;
let client = 0;
function book(t: TestApp, phone: string, extra: Record<string, unknown> = {}, start?: string) {
  const at = start ?? new Date(NOW.getTime() + day++ * 86_400_000).toISOString();
  return t.request('/api/bookings', {
    method: 'POST',
    headers: { 'x-forwarded-for': `192.0.2.${++client}` },
    json: { service: 'arbeitslosengeld', start: at, phone, consent: true, ...extra },
  });
}

const bookingsOf = async (phone: string) =>
  (await tdb.db.selectFrom('bookings').select('id').where('phone_e164', '=', phone).execute()).length;

describe('phone verification', () => {
  it('always: 428 with a verificationId and an SMS code; a wrong code is 422, the right one books once', async () => {
    const t = createTestApp(tdb, { clock, sms, env: { BOOKING_PHONE_VERIFICATION: 'always' } });
    const phone = '+4915140000001';
    const start = new Date(NOW.getTime() + day++ * 86_400_000).toISOString();
    const first = await book(t, phone, {}, start);
    expect(first.status).toBe(428);
    const problem = (await first.json()) as { code: string; verificationId: string };
    expect(problem.code).toBe('phone_verification_required');
    expect(await bookingsOf(phone)).toBe(0);
    const text = sms.sent.find((m) => m.id === problem.verificationId)?.text ?? '';
    const code = /(\d{6})/.exec(text)?.[1] as string;
    expect(code).toMatch(/^\d{6}$/);

    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await book(
      t,
      phone,
      { verification: { id: problem.verificationId, code: wrongCode } },
      start,
    );
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe(
      'verification.code',
    );
    expect(await bookingsOf(phone)).toBe(0);

    const other = await book(
      t,
      '+4915140000002',
      { verification: { id: problem.verificationId, code } },
      start,
    );
    expect(other.status).toBe(422);

    const ok = await book(t, phone, { verification: { id: problem.verificationId, code } }, start);
    expect(ok.status).toBe(201);
    expect(await bookingsOf(phone)).toBe(1);
    const again = await book(t, phone, { verification: { id: problem.verificationId, code } });
    expect(again.status).toBe(422);
  });

  it('suspicious (default): no extra step for a first booking, a code for a second one of the same number that day', async () => {
    const t = createTestApp(tdb, { clock, sms, env: { BOOKING_PHONE_VERIFICATION: 'suspicious' } });
    const phone = '+4915140000003';
    expect((await book(t, phone)).status).toBe(201);
    expect((await book(t, '+4915140000004')).status).toBe(201);
    const second = await book(t, phone);
    expect(second.status).toBe(428);
    expect(await bookingsOf(phone)).toBe(1);
  });

  it('off: never asks', async () => {
    const t = createTestApp(tdb, { clock, sms, env: { BOOKING_PHONE_VERIFICATION: 'off' } });
    const phone = '+4915140000005';
    expect((await book(t, phone)).status).toBe(201);
    expect((await book(t, phone)).status).toBe(201);
  });

  it('sends at most three codes to one number an hour', async () => {
    const t = createTestApp(tdb, { clock, sms, env: { BOOKING_PHONE_VERIFICATION: 'always' } });
    const phone = '+4915140000006';
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await book(t, phone)).status);
    expect(statuses).toEqual([428, 428, 428, 429]);
  });
});
