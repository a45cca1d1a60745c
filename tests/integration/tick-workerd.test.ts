// The tick under the real workerd: the bundled worker sends a queued SMS to the gateway once and hides the endpoint without the token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMessage } from '../../functions/notifications/outbox.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type PrivateWorkerd, startPrivateWorkerd, workerdAvailable } from '../helpers/private-workerd.ts';
import { type SmsReceiver, startSmsReceiver } from '../helpers/sms-receiver.ts';
import { outboxRows, seedBooking, seedStaff } from './outbox-fixtures.ts';

const TOKEN = 'workerd-tick-token-0123456789';
const available = workerdAvailable('tick-workerd tests');

let tdb: TestDatabase;
let receiver: SmsReceiver;
let url: string;
let worker: PrivateWorkerd | undefined;

beforeAll(async () => {
  if (!available) return;
  tdb = await createTestDatabase();
  receiver = await startSmsReceiver();
  worker = await startPrivateWorkerd({
    DATABASE_URL: tdb.url,
    SMS_GATEWAY_URL: receiver.url,
    SMS_GATEWAY_TOKEN: 'gw-token',
    INTERNAL_TOKEN: TOKEN,
    LOG_LEVEL: 'error',
  });
  url = worker.url;
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await receiver?.close();
  await tdb?.close();
});

describe.skipIf(!available)('tick in workerd', () => {
  it('is 404 without the token and sends a due message exactly once with it', async () => {
    const counsellorId = (await seedStaff(tdb.db)).counsellorId as string;
    // workerd runs on the real clock, so the appointment lies two days ahead of now, on the 5-minute grid.
    const b = await seedBooking(tdb.db, {
      counsellorId,
      start: new Date(Date.now() + 2 * 86_400_000 - (Date.now() % 300_000)),
    });
    const queued = await enqueueMessage(tdb.db, {
      bookingId: b.id,
      kind: 'confirmation',
      dedupeKey: `confirmation:${b.id}`,
      recipient: '+4915112345678',
      body: 'Ihr Videotermin ist bestätigt.',
    });
    const hidden = await fetch(`${url}/internal/tick`, {
      method: 'POST',
      headers: { authorization: 'Bearer nope' },
    });
    expect(hidden.status).toBe(404);
    expect(receiver.requests).toHaveLength(0);
    const ticks = await Promise.all(
      [1, 2].map(() =>
        fetch(`${url}/internal/tick`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } }),
      ),
    );
    for (const res of ticks) expect(res.status).toBe(200);
    const bodies = (await Promise.all(ticks.map((r) => r.json()))) as { messages: { sent: number } }[];
    expect(bodies.reduce((n, body) => n + body.messages.sent, 0)).toBe(1);
    expect(receiver.requests).toEqual([
      {
        id: queued?.id,
        to: '+4915112345678',
        text: 'Ihr Videotermin ist bestätigt.',
        authorization: 'Bearer gw-token',
        status: 200,
      },
    ]);
    expect((await outboxRows(tdb.db, b.id))[0]?.status).toBe('sent');
  });
});
