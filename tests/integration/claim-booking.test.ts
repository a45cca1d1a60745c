import { afterEach, describe, expect, it } from 'vitest';
import { type BookingClaim, claimBooking, claimRefusalOf } from '../../functions/bookings/claim.ts';
import { generateRoomName, generateSecret, hashSecret } from '../../functions/platform/secrets.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type SchedulingSeed, seedScheduling } from '../helpers/scheduling.ts';

// claim_booking (migration 0026) called straight, for the outcomes the HTTP tests reach only indirectly.
let tdb: TestDatabase | undefined;
let seed: SchedulingSeed;
const NOW = new Date('2026-12-01T08:00:00Z');

afterEach(async () => {
  await tdb?.close();
  tdb = undefined;
});

async function setup(options: Parameters<typeof seedScheduling>[1] = {}) {
  tdb = await createTestDatabase();
  seed = await seedScheduling(tdb.db, options);
  return tdb.db;
}

async function claim(over: Partial<BookingClaim> & { start: Date }): Promise<BookingClaim> {
  return {
    id: crypto.randomUUID(),
    kind: 'scheduled',
    candidates: seed.counsellorIds,
    serviceId: seed.serviceId,
    end: new Date(over.start.getTime() + 30 * 60_000),
    joinCodeHash: await hashSecret(generateSecret()),
    manageTokenHash: await hashSecret(generateSecret()),
    roomName: generateRoomName(),
    timeZone: 'Europe/Berlin',
    now: NOW,
    contact: { phone: '+4915123456789', name: 'A', email: null, customerNumber: null, language: 'de' },
    audit: { actorType: 'citizen', requestId: 'r-1' },
    ...over,
  };
}

const refusalOf = (p: Promise<unknown>) =>
  p.then(
    () => 'none',
    (e: unknown) => claimRefusalOf(e) ?? e,
  );

describe('claim_booking', () => {
  it('writes a typed audit entry whose detail the database builds', async () => {
    const db = await setup({ counsellors: 1 });
    const consentAt = new Date('2026-12-01T07:59:00.123Z');
    const booked = await claimBooking(
      db,
      await claim({
        start: new Date('2026-12-03T09:00:00Z'),
        audit: { actorType: 'citizen', requestId: 'r-9', consent: { at: consentAt, noticeVersion: 'v3' } },
      }),
    );
    expect(booked?.counsellor_id).toBe(seed.counsellorIds[0]);
    const audit = await db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_type: 'citizen', action: 'booking.created', request_id: 'r-9' });
    expect(audit.detail).toEqual({
      serviceId: seed.serviceId,
      start: '2026-12-03T09:00:00.000Z',
      end: '2026-12-03T09:30:00.000Z',
      counsellorId: seed.counsellorIds[0],
      consent: { at: '2026-12-01T07:59:00.123Z', noticeVersion: 'v3' },
    });
  });

  it('returns no row and changes nothing when no candidate works then', async () => {
    const db = await setup({ counsellors: 1 });
    // 20:00 Berlin is outside the seeded 08:00-16:00 hours: the database re-checks, whatever the caller sent.
    expect(await claimBooking(db, await claim({ start: new Date('2026-12-03T19:00:00Z') }))).toBeNull();
    expect(await db.selectFrom('bookings').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('capacity_buckets').select('start_at').execute()).toEqual([]);
  });

  it('moves a booking onto an overlapping time of the same counsellor, or refuses and keeps it', async () => {
    const db = await setup({ counsellors: 1 });
    const first = await claimBooking(db, await claim({ start: new Date('2026-12-03T09:00:00Z') }));
    const moveTo = (start: Date) =>
      claim({ start, moves: first?.id as string, contact: undefined, manageTokenHash: undefined });
    // Out of hours: booking_claim_taken undoes the cancellation too.
    expect(await refusalOf(claimBooking(db, await moveTo(new Date('2026-12-03T19:00:00Z'))))).toBe('taken');
    const kept = await db.selectFrom('bookings').selectAll().executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ id: first?.id, status: 'confirmed' });

    const moved = await claimBooking(db, await moveTo(new Date('2026-12-03T09:15:00Z')));
    expect(moved).toMatchObject({ rescheduled_from: first?.id, phone_e164: '+4915123456789' });
    expect(Buffer.from(moved?.manage_token_hash as Uint8Array)).toEqual(
      Buffer.from(kept.manage_token_hash as Uint8Array),
    );
    const old = await db
      .selectFrom('bookings')
      .selectAll()
      .where('id', '=', first?.id as string)
      .executeTakeFirstOrThrow();
    expect(old).toMatchObject({ status: 'cancelled', cancelled_by: 'citizen', manage_token_hash: null });
    // Counters follow: the 09:00 bucket was given back, 09:15-09:45 taken once.
    const used = await db
      .selectFrom('capacity_buckets')
      .select(['start_at', 'scheduled_used'])
      .orderBy('start_at')
      .execute();
    expect(used.map((b) => [b.start_at.toISOString().slice(11, 16), b.scheduled_used])).toEqual([
      ['09:00', 0],
      ['09:05', 0],
      ['09:10', 0],
      ['09:15', 1],
      ['09:20', 1],
      ['09:25', 1],
      ['09:30', 1],
      ['09:35', 1],
      ['09:40', 1],
    ]);
    // The old booking cannot move again.
    expect(await refusalOf(claimBooking(db, await moveTo(new Date('2026-12-03T10:00:00Z'))))).toBe(
      'not_movable',
    );
  });

  it('starts an ad-hoc session in the reserve with the counsellor skill as service', async () => {
    const db = await setup({ counsellors: 1, capacity: 2, adhocReserve: 1, adhocDurationMinutes: 20 });
    const start = new Date('2026-12-01T08:02:30Z');
    const adhoc = await claimBooking(db, {
      id: crypto.randomUUID(),
      kind: 'adhoc',
      candidates: [seed.counsellorIds[0] as string],
      start,
      joinCodeHash: await hashSecret(generateSecret()),
      roomName: generateRoomName(),
      timeZone: 'Europe/Berlin',
      now: start,
      audit: { actorType: 'staff', actorId: seed.staffUserIds[0] ?? null, requestId: null },
    });
    expect(adhoc).toMatchObject({
      kind: 'adhoc',
      service_id: seed.serviceId,
      end_at: new Date('2026-12-01T08:22:30Z'),
    });
    const buckets = await db
      .selectFrom('capacity_buckets')
      .select(['adhoc_used', 'scheduled_used'])
      .execute();
    expect(buckets).toHaveLength(5);
    expect(buckets.every((b) => b.adhoc_used === 1 && b.scheduled_used === 0)).toBe(true);
  });
});
