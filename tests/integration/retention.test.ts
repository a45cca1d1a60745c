// Retention: RETENTION_DAYS after the appointment personal data is gone, statistics stay, each erasure is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTick } from '../../functions/internal/tick.ts';
import { enqueueMessage } from '../../functions/notifications/outbox.ts';
import { runRetention } from '../../functions/retention/retention.ts';
import { createTestApp, RecordingSms, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { seedBooking, seedStaff } from './outbox-fixtures.ts';

const START = new Date('2026-10-05T08:00:00Z');
const DAY = 24 * 3_600_000;

let tdb: TestDatabase;
let t: TestApp;
let counsellorId: string;
let authorId: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, {
    clock: new TestClock(START),
    sms: new RecordingSms(),
    env: { RETENTION_DAYS: '30' },
  });
  const staff = await seedStaff(tdb.db);
  counsellorId = staff.counsellorId as string;
  authorId = staff.userId;
});

afterAll(async () => {
  await tdb?.close();
});

let slot = 0;
async function fullBooking() {
  const start = new Date(START.getTime() + slot++ * 3_600_000);
  const b = await seedBooking(tdb.db, {
    counsellorId,
    start,
    name: 'Erika Mustermann',
    email: 'erika@example.org',
    customerNumber: '123D456789',
    status: 'completed',
  });
  await tdb.db
    .insertInto('booking_notes')
    .values({ booking_id: b.id, author_id: authorId, body: 'Hat Fragen zu ALG I.' })
    .execute();
  await tdb.db
    .insertInto('survey_responses')
    .values({ booking_id: b.id, recommend: true, ease_of_use: 4, comment: 'Ich heiße Erika.' })
    .execute();
  await enqueueMessage(tdb.db, {
    bookingId: b.id,
    kind: 'confirmation',
    dedupeKey: `confirmation:${b.id}`,
    recipient: '+4915112345678',
    body: 'Ihr Videotermin ...\nhttp://localhost:8787/j/Qm9vS2luZ0NvZGVfMTIzNA',
    now: new Date(start.getTime() - 5 * DAY),
  });
  await tdb.db
    .updateTable('outbox_messages')
    .set({ status: 'sent', sent_at: new Date(start.getTime() - 5 * DAY) })
    .where('dedupe_key', '=', `confirmation:${b.id}`)
    .execute();
  // A dead letter (never delivered) would otherwise wait for an operator's retry forever.
  await enqueueMessage(tdb.db, {
    bookingId: b.id,
    kind: 'reminder',
    dedupeKey: `reminder:${b.id}`,
    recipient: '+4915112345678',
    body: 'Erinnerung',
    now: new Date(start.getTime() - DAY),
  });
  await tdb.db
    .updateTable('outbox_messages')
    .set({ status: 'dead' })
    .where('dedupe_key', '=', `reminder:${b.id}`)
    .execute();
  return b;
}

async function snapshot(id: string) {
  const booking = await tdb.db
    .selectFrom('bookings')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const notes = await tdb.db
    .selectFrom('booking_notes')
    .select(['body', 'author_id'])
    .where('booking_id', '=', id)
    .execute();
  const survey = await tdb.db
    .selectFrom('survey_responses')
    .selectAll()
    .where('booking_id', '=', id)
    .executeTakeFirstOrThrow();
  const messages = await tdb.db
    .selectFrom('outbox_messages')
    .select(['kind', 'status', 'recipient', 'body'])
    .where('booking_id', '=', id)
    .orderBy('kind')
    .execute();
  const audit = await tdb.db
    .selectFrom('audit_log')
    .select(['actor_type', 'action', 'entity_type', 'detail'])
    .where('entity_id', '=', id)
    .where('action', '=', 'retention_erase')
    .execute();
  return { booking, notes, survey, messages, audit };
}

describe('retention', () => {
  it('erases personal fields after the period, keeps statistics and writes one audit entry', async () => {
    const b = await fullBooking();
    const periodEnds = new Date(b.end.getTime() + 30 * DAY);
    await runTick(t.deps, new Date(periodEnds.getTime() - 1000));
    const before = await snapshot(b.id);
    expect(before.booking).toMatchObject({
      name: 'Erika Mustermann',
      phone_e164: '+4915112345678',
      personal_data_erased_at: null,
    });
    expect(before.audit).toHaveLength(0);

    const result = await runTick(t.deps, periodEnds);
    expect(result.retention.bookings).toBeGreaterThanOrEqual(1);
    const after = await snapshot(b.id);
    expect(after.booking).toMatchObject({
      phone_e164: null,
      name: null,
      email: null,
      customer_number: null,
      personal_data_erased_at: periodEnds,
    });
    // Statistics survive: the appointment itself, its outcome, the survey scores.
    const keep = [
      'id',
      'service_id',
      'counsellor_id',
      'kind',
      'status',
      'start_at',
      'end_at',
      'language',
    ] as const;
    for (const k of keep) expect(after.booking[k]).toEqual(before.booking[k]);
    expect(after.notes).toEqual([{ body: '', author_id: authorId }]);
    expect(after.survey).toMatchObject({ recommend: true, ease_of_use: 4, comment: null });
    expect(after.messages).toEqual([
      { kind: 'confirmation', status: 'sent', recipient: null, body: null },
      { kind: 'reminder', status: 'cancelled', recipient: null, body: null },
    ]);
    expect(after.audit).toEqual([
      {
        actor_type: 'system',
        action: 'retention_erase',
        entity_type: 'booking',
        detail: expect.objectContaining({ retentionDays: 30, appointmentEnd: b.end.toISOString() }),
      },
    ]);
    // Nothing personal in the audit entry itself.
    expect(JSON.stringify(after.audit)).not.toMatch(/Erika|4915112345678|123D456789/);

    await runTick(t.deps, new Date(periodEnds.getTime() + DAY));
    expect((await snapshot(b.id)).audit).toHaveLength(1);
  });

  it('keeps the data of appointments still inside the period', async () => {
    const b = await fullBooking();
    await runRetention(t.deps, new Date(b.end.getTime() + 29 * DAY));
    const s = await snapshot(b.id);
    expect(s.booking.name).toBe('Erika Mustermann');
    expect(s.notes[0]?.body).toBe('Hat Fragen zu ALG I.');
    expect(s.survey.comment).toBe('Ich heiße Erika.');
  });

  it("follows the operator's retention_days setting", async () => {
    const b = await fullBooking();
    await tdb.db
      .insertInto('settings')
      .values({ key: 'retention_days', value: JSON.stringify(7) })
      .execute();
    try {
      await runRetention(t.deps, new Date(b.end.getTime() + 7 * DAY));
      expect((await snapshot(b.id)).booking.name).toBeNull();
    } finally {
      await tdb.db.deleteFrom('settings').where('key', '=', 'retention_days').execute();
    }
  });

  it('erases each booking once when two ticks run at the same time', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await fullBooking()).id);
    const now = new Date(START.getTime() + 60 * DAY);
    const [a, b] = await Promise.all([
      runRetention(t.deps, now, { batchSize: 2 }),
      runRetention(t.deps, now, { batchSize: 2 }),
    ]);
    expect(a.bookings + b.bookings).toBe(5);
    const audits = await tdb.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'retention_erase')
      .where('entity_id', 'in', ids)
      .execute();
    expect(audits).toHaveLength(5);
  });
});
