// The daily SMS budget under real workerd: over budget messages wait and /metrics shows them held; the
// next day (a restarted workerd on a clock moved past midnight) every held message goes out, none lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dateIn, startOfDay } from '../../functions/platform/zoned-time.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type PrivateWorkerd, startPrivateWorkerd, workerdAvailable } from '../helpers/private-workerd.ts';
import { sampleValue } from '../helpers/prometheus-text.ts';
import { seedScheduling } from '../helpers/scheduling.ts';
import { type SmsReceiver, startSmsReceiver } from '../helpers/sms-receiver.ts';

const TOKEN = 'sms-budget-workerd-token-0123456789';
const TZ = 'Europe/Berlin';
const HOUR = 3_600_000;
const available = workerdAvailable('SMS budget under workerd');

let tdb: TestDatabase;
let receiver: SmsReceiver;
let worker: PrivateWorkerd | undefined;

// workerd's objects run on a test clock: noon (Berlin) of tomorrow, then one minute after the midnight after it.
const tomorrow = addDays(dateIn(new Date(), TZ), 1);
const noon = new Date(startOfDay(tomorrow, TZ).getTime() + 12 * HOUR);
const nextMidnight = startOfDay(addDays(tomorrow, 1), TZ);

const env = () => ({
  DATABASE_URL: tdb.url,
  SMS_GATEWAY_URL: receiver.url,
  SMS_GATEWAY_TOKEN: 'gw',
  INTERNAL_TOKEN: TOKEN,
  TIME_ZONE: TZ,
  LOG_LEVEL: 'error',
  // Confirmations only, so the counts are exact; no SMS code step for the repeated number.
  REMINDER_OFFSETS_MINUTES: '',
  BOOKING_PHONE_VERIFICATION: 'off',
  BOOKING_ACTIVE_PER_PHONE: '5',
  BOOKINGS_PER_PHONE_PER_DAY: '5',
  SMS_DAILY_TOTAL: '3',
  SMS_DAILY_PER_NUMBER: '2',
});

/** Starts workerd with its objects' clock at `at`. */
function startAt(at: Date): Promise<PrivateWorkerd> {
  return startPrivateWorkerd(env(), { clockOffsetMs: at.getTime() - Date.now() });
}

beforeAll(async () => {
  if (!available) return;
  tdb = await createTestDatabase();
  receiver = await startSmsReceiver();
  await seedScheduling(tdb.db, { counsellors: 4, capacity: 10, weekdays: [1, 2, 3, 4, 5, 6, 7] });
  worker = await startAt(noon);
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await receiver?.close();
  await tdb?.close();
});

async function tick(): Promise<{ sent: number; held: number }> {
  const res = await fetch(`${worker?.url}/internal/tick`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: { sent: number; held: number } }).messages;
}

async function budgetMetrics() {
  const res = await fetch(`${worker?.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  const text = await res.text();
  return {
    used: sampleValue(text, 'beratungsraum_sms_budget_used_today'),
    remaining: sampleValue(text, 'beratungsraum_sms_budget_remaining_today'),
    numbersAtLimit: sampleValue(text, 'beratungsraum_sms_budget_numbers_at_limit'),
    heldNumber: sampleValue(text, 'beratungsraum_sms_held_messages', { budget: 'number' }),
    heldTotal: sampleValue(text, 'beratungsraum_sms_held_messages', { budget: 'total' }),
  };
}

describe.skipIf(!available)('daily SMS budget in workerd', () => {
  it('holds messages over budget, exports them as metrics, and sends them all the next day', async () => {
    const joinUrls: string[] = [];
    const phones = ['+4915111111111', '+4915111111111', '+4915111111111', '+4915122222222', '+4915133333333'];
    for (const [i, phone] of phones.entries()) {
      // 10:00 in Berlin on the following days, as the booking page would offer.
      const start = new Date(startOfDay(addDays(tomorrow, i + 1), TZ).getTime() + 10 * HOUR);
      const res = await fetch(`${worker?.url}/api/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          service: 'arbeitslosengeld',
          start: start.toISOString(),
          phone,
          consent: true,
        }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      joinUrls.push(((await res.json()) as { joinUrl: string }).joinUrl);
    }

    // Budget 2 per number and 3 in all: three go out, one waits for each budget.
    expect(await tick()).toMatchObject({ sent: 3, held: 2 });
    expect(receiver.requests.filter((r) => r.status === 200)).toHaveLength(3);
    expect(await budgetMetrics()).toEqual({
      used: 3,
      remaining: 0,
      numbersAtLimit: 1,
      heldNumber: 1,
      heldTotal: 1,
    });
    // Again the same day: nothing more.
    expect(await tick()).toMatchObject({ sent: 0 });

    // The next day, in a new process: both held messages go out with their real links.
    await worker?.stop();
    worker = await startAt(new Date(nextMidnight.getTime() + 60_000));
    expect(await tick()).toMatchObject({ sent: 2, held: 0 });
    expect(receiver.requests).toHaveLength(5);
    const texts = receiver.requests.map((r) => r.text).join('\n');
    for (const url of joinUrls) expect(texts).toContain(url);
    expect(texts).not.toContain('{{seal:');
    expect(await budgetMetrics()).toEqual({
      used: 2,
      remaining: 1,
      numbersAtLimit: 0,
      heldNumber: 0,
      heldTotal: 0,
    });
    const sent = await tdb.db
      .selectFrom('outbox_messages')
      .select('status')
      .where('status', '=', 'sent')
      .execute();
    expect(sent).toHaveLength(5);
  }, 180_000);
});
