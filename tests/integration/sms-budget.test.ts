// Daily SMS budgets: over budget nothing is sent, the operator sees an alert, and the next day every held message goes out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { seedScheduling } from '../helpers/scheduling.ts';
import { type SmsReceiver, startSmsReceiver } from '../helpers/sms-receiver.ts';
import { login, seedStaff } from './outbox-fixtures.ts';

const TOKEN = 'internal-test-token-budget-0123456789';
// Monday 10:00 in Berlin; appointments are booked for the following days.
const NOW = new Date('2026-12-07T09:00:00Z');

let tdb: TestDatabase;
let receiver: SmsReceiver;
let clock: TestClock;
let t: TestApp;

beforeAll(async () => {
  tdb = await createTestDatabase();
  receiver = await startSmsReceiver();
  clock = new TestClock(NOW);
  await seedScheduling(tdb.db, { counsellors: 4, capacity: 10, weekdays: [1, 2, 3, 4, 5, 6, 7] });
  t = createTestApp(tdb, {
    clock,
    env: {
      SMS_GATEWAY_URL: receiver.url,
      SMS_GATEWAY_TOKEN: 'gw',
      INTERNAL_TOKEN: TOKEN,
      // No reminders: only confirmations, so the counts below are exact.
      REMINDER_OFFSETS_MINUTES: '',
      SMS_DAILY_TOTAL: '3',
      SMS_DAILY_PER_NUMBER: '2',
    },
  });
});

afterAll(async () => {
  await receiver?.close();
  await tdb?.close();
});

async function tick() {
  const res = await t.request('/internal/tick', {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: { sent: number; held: number } }).messages;
}

let day = 1;
async function book(phone: string) {
  const start = new Date(NOW.getTime() + day++ * 86_400_000);
  const res = await t.request('/api/bookings', {
    method: 'POST',
    headers: { 'x-forwarded-for': `192.0.2.${day}` },
    json: { service: 'arbeitslosengeld', start: start.toISOString(), phone, consent: true },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { joinUrl: string };
}

describe('daily SMS budget', () => {
  it('holds messages over the per-number and total budgets, alerts the operator, and sends them the next day', async () => {
    const operator = await seedStaff(tdb.db, 'operator');
    // A fresh login per look: the clock jumps further than a staff session lives.
    const alerts = async () => {
      const session = await login(t, operator.email);
      const res = await t.request('/api/admin/alerts', { headers: session.headers });
      expect(res.status).toBe(200);
      return ((await res.json()) as { alerts: { code: string; held: number; resumesAt: string }[] }).alerts;
    };
    expect(await alerts()).toEqual([]);

    // Three confirmations to one number (budget 2), two to others (system budget 3 in total).
    const booked = [];
    for (const phone of [
      '+4915111111111',
      '+4915111111111',
      '+4915111111111',
      '+4915122222222',
      '+4915133333333',
    ])
      booked.push(await book(phone));
    const first = await tick();
    expect(first.sent).toBe(3);
    expect(first.held).toBe(2);
    expect(receiver.requests.filter((r) => r.status === 200)).toHaveLength(3);
    expect(receiver.requests.filter((r) => r.to === '+4915111111111')).toHaveLength(2);

    const shown = await alerts();
    expect(shown.map((a) => a.code).sort()).toEqual(['sms_budget_number', 'sms_budget_total']);
    expect(shown.reduce((n, a) => n + a.held, 0)).toBe(2);
    // Held until midnight in Berlin.
    for (const a of shown) expect(a.resumesAt).toBe('2026-12-07T23:00:00.000Z');

    // Later the same day: still nothing.
    clock.set('2026-12-07T22:30:00Z');
    expect((await tick()).sent).toBe(0);
    expect(receiver.requests).toHaveLength(3);

    // The next day: both held messages go out, with their real links, and the alert is gone.
    clock.set('2026-12-07T23:01:00Z');
    const next = await tick();
    expect(next).toMatchObject({ sent: 2, held: 0 });
    expect(receiver.requests).toHaveLength(5);
    const texts = receiver.requests.map((r) => r.text).join('\n');
    for (const b of booked) expect(texts).toContain(b.joinUrl);
    expect(texts).not.toContain('{{seal:');
    expect(await alerts()).toEqual([]);
    const { n } = await tdb.db
      .selectFrom('outbox_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'sent')
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(5);
  });
});
