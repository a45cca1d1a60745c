// Gateway faults: a gateway answering 500 or not listening gets every message later, each id once; dead letters after N attempts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb, createPool } from '../../functions/db/connect.ts';
import { runTick, type TickDeps } from '../../functions/internal/tick.ts';
import { enqueueMessage } from '../../functions/notifications/outbox.ts';
import { claimDueMessages, markFailed, markSent } from '../../functions/notifications/repository.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type SmsReceiver, startSmsReceiver } from '../helpers/sms-receiver.ts';
import { login, outboxRows, seedStaff } from './outbox-fixtures.ts';

const T0 = new Date('2026-12-01T08:00:00Z');
const MAX_ATTEMPTS = 4;

let tdb: TestDatabase;
let receiver: SmsReceiver;
let clock: TestClock;
let t: TestApp;
let deps: TickDeps;

beforeAll(async () => {
  tdb = await createTestDatabase();
  receiver = await startSmsReceiver();
  clock = new TestClock(T0);
  t = createTestApp(tdb, {
    clock,
    env: {
      SMS_GATEWAY_URL: receiver.url,
      SMS_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      INTERNAL_TOKEN: 'tok-123456789',
    },
  });
  deps = { ...t.deps, random: () => 0.5 };
});

afterAll(async () => {
  await receiver?.close();
  await tdb?.close();
});

beforeEach(async () => {
  await tdb.db.deleteFrom('outbox_messages').execute();
  receiver.requests.length = 0;
  receiver.answer(200);
  receiver.delay(0);
  clock.set(T0);
});

let n = 0;
async function queue(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = await enqueueMessage(tdb.db, {
      bookingId: null,
      kind: 'adhoc_link',
      dedupeKey: `test:${n++}`,
      recipient: `+4915112345${String(n % 1000).padStart(3, '0')}`,
      body: `Ihr Videogespräch beginnt jetzt.\nTeilnehmen:\nhttp://localhost:8787/j/Qm9vS2luZ0NvZGVfMTIzNA${i}`,
      now: clock.now(),
    });
    ids.push(row?.id as string);
  }
  return ids;
}

/** Ticks every `minutes` of test time, `times` times. */
async function tickEvery(minutes: number, times: number) {
  for (let i = 0; i < times; i++) {
    await runTick(deps, clock.now());
    clock.advanceMinutes(minutes);
  }
}

function acceptedIds(): string[] {
  return receiver
    .accepted()
    .map((r) => r.id)
    .sort();
}

describe('SMS delivery when the gateway fails', () => {
  it('delivers every message once after a gateway that answered 500 for a while recovers', async () => {
    const ids = await queue(3);
    receiver.answer(500);
    await tickEvery(1, 3);
    const refused = receiver.requests.length;
    expect(refused).toBeGreaterThanOrEqual(6);
    expect(receiver.accepted()).toHaveLength(0);
    // Every retry carries the message's own id.
    expect(new Set(receiver.requests.map((r) => r.id))).toEqual(new Set(ids));
    receiver.answer(200);
    await tickEvery(1, 5);
    expect(acceptedIds()).toEqual([...ids].sort());
    const rows = await outboxRows(tdb.db);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('stops a tick after one fully refused batch instead of trying every due message', async () => {
    await queue(20);
    receiver.answer(500);
    const r = await runTick(deps, clock.now());
    expect(r.messages).toMatchObject({ sent: 0, retrying: 8 });
    expect(receiver.requests).toHaveLength(8);
    receiver.answer(200);
    clock.advanceMinutes(1);
    expect((await runTick(deps, clock.now())).messages.sent).toBe(20);
    expect(new Set(receiver.accepted().map((m) => m.id)).size).toBe(20);
  });

  it('delivers every message once after a gateway that was not listening comes back', async () => {
    const ids = await queue(2);
    await receiver.stop();
    const down = await runTick(deps, clock.now());
    expect(down.messages).toMatchObject({ sent: 0, retrying: 2 });
    const [row] = await outboxRows(tdb.db);
    expect(row?.last_error).toBe('gateway unreachable: TypeError');
    expect(row?.next_attempt_at.getTime()).toBe(T0.getTime() + 22_500);
    await receiver.start();
    clock.advanceMinutes(1);
    const up = await runTick(deps, clock.now());
    expect(up.messages).toMatchObject({ sent: 2 });
    expect(acceptedIds()).toEqual([...ids].sort());
  });

  it('moves a message to the dead letters after SMS_MAX_ATTEMPTS attempts; the operator sees it and a retry delivers it with the same id', async () => {
    const [id] = await queue(1);
    receiver.answer(500);
    await tickEvery(120, MAX_ATTEMPTS + 2);
    expect(receiver.requests).toHaveLength(MAX_ATTEMPTS);
    const [dead] = await outboxRows(tdb.db);
    expect(dead).toMatchObject({
      status: 'dead',
      attempts: MAX_ATTEMPTS,
      last_error: 'gateway answered 500',
    });

    const op = await seedStaff(tdb.db, 'operator');
    const s = await login(t, op.email);
    const list = await t.request('/api/admin/outbox?status=dead', { headers: s.headers });
    expect(list.status).toBe(200);
    const body = (await list.json()) as {
      messages: Record<string, unknown>[];
      counts: Record<string, number>;
    };
    expect(body.counts.dead).toBe(1);
    expect(body.messages).toEqual([
      expect.objectContaining({
        id,
        status: 'dead',
        kind: 'adhoc_link',
        attempts: MAX_ATTEMPTS,
        recipient: expect.stringMatching(/^\+49…\d\d$/),
      }),
    ]);
    // The operator never sees the join code.
    expect(String(body.messages[0]?.text)).toContain('/j/[redacted]');

    receiver.answer(200);
    const retry = await t.request(`/api/admin/outbox/${id}/retry`, { method: 'POST', headers: s.headers });
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { message: { status: string } }).message.status).toBe('pending');
    await runTick(deps, clock.now());
    expect(receiver.accepted().map((r) => r.id)).toEqual([id]);
    const again = await t.request(`/api/admin/outbox/${id}/retry`, { method: 'POST', headers: s.headers });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('conflict');
    const audit = await tdb.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', id as string)
      .execute();
    expect(audit).toEqual([{ action: 'outbox_retry', actor_id: op.userId }]);
  });

  it('lets only operators see and retry the outbox', async () => {
    const [id] = await queue(1);
    const c = await seedStaff(tdb.db, 'counsellor');
    const s = await login(t, c.email);
    expect((await t.request('/api/admin/outbox?status=dead', { headers: s.headers })).status).toBe(403);
    expect((await t.request('/api/admin/outbox')).status).toBe(401);
    const op = await login(t, (await seedStaff(tdb.db, 'operator')).email);
    const bad = await t.request('/api/admin/outbox?status=lost', { headers: op.headers });
    expect(bad.status).toBe(400);
    const unknown = await t.request('/api/admin/outbox/00000000-0000-4000-8000-000000000000/retry', {
      method: 'POST',
      headers: op.headers,
    });
    expect(unknown.status).toBe(404);
    const notDead = await t.request(`/api/admin/outbox/${id}/retry`, { method: 'POST', headers: op.headers });
    expect(notDead.status).toBe(409);
    const noCsrf = await t.request(`/api/admin/outbox/${id}/retry`, {
      method: 'POST',
      headers: { cookie: op.cookie },
    });
    expect(noCsrf.status).toBe(403);
  });

  it('sends a message again with the same id when its sender crashed and the lease ran out', async () => {
    const [id] = await queue(1);
    // A sender claims the message and dies before it records anything.
    const claimed = await claimDueMessages(tdb.db, clock.now(), {
      limit: 10,
      leaseMs: 120_000,
      maxAttempts: 8,
    });
    expect(claimed.map((m) => m.id)).toEqual([id]);
    await runTick(deps, clock.now());
    expect(receiver.requests).toHaveLength(0);
    clock.advanceMinutes(2);
    await runTick(deps, clock.now());
    expect(receiver.accepted().map((r) => r.id)).toEqual([id]);
    const [row] = await outboxRows(tdb.db);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('does not let a stale sender undo a newer attempt', async () => {
    const [id] = await queue(1);
    const first = await claimDueMessages(tdb.db, clock.now(), { limit: 1, leaseMs: 1000, maxAttempts: 8 });
    clock.advanceMinutes(1);
    const second = await claimDueMessages(tdb.db, clock.now(), { limit: 1, leaseMs: 1000, maxAttempts: 8 });
    expect(second[0]?.attempts).toBe(2);
    await markSent(tdb.db, id as string, clock.now(), 'sent text');
    await markFailed(tdb.db, id as string, first[0]?.attempts as number, 'stale failure', new Date());
    const [row] = await outboxRows(tdb.db);
    expect(row).toMatchObject({ status: 'sent', last_error: null });
  });

  it('buries a message whose last allowed attempt crashed', async () => {
    const [id] = await queue(1);
    await tdb.db
      .updateTable('outbox_messages')
      .set({ attempts: MAX_ATTEMPTS - 1 })
      .execute();
    await claimDueMessages(tdb.db, clock.now(), { limit: 1, leaseMs: 60_000, maxAttempts: MAX_ATTEMPTS });
    clock.advanceMinutes(5);
    const r = await runTick(deps, clock.now());
    expect(r.messages.dead).toBe(1);
    expect(receiver.requests).toHaveLength(0);
    const [row] = await outboxRows(tdb.db);
    expect(row).toMatchObject({ id, status: 'dead', last_error: 'sender lease expired' });
  });
});

describe('concurrent ticks', () => {
  it('two ticks at the same time on separate pools never send a message twice', async () => {
    const ids = await queue(40);
    receiver.delay(15);
    const pools = [
      createPool({ connectionString: tdb.url, max: 4 }),
      createPool({ connectionString: tdb.url, max: 4 }),
    ];
    try {
      const [a, b] = pools.map((p) => ({ ...deps, db: createDb(p) }));
      const results = await Promise.all([
        runTick(a as TickDeps, clock.now()),
        runTick(b as TickDeps, clock.now()),
      ]);
      expect(results[0].messages.sent + results[1].messages.sent).toBe(40);
      // Both ticks did real work, so they really overlapped.
      expect(results[0].messages.sent).toBeGreaterThan(0);
      expect(results[1].messages.sent).toBeGreaterThan(0);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
    expect(receiver.requests).toHaveLength(40);
    expect(acceptedIds()).toEqual([...ids].sort());
  });
});
