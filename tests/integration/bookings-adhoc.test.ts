import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdhocBooking } from '../../functions/bookings/adhoc.ts';
import { parseConfig } from '../../functions/env.ts';
import { hashSecret } from '../../functions/platform/secrets.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { seedScheduling } from '../helpers/scheduling.ts';

const config = parseConfig({ PUBLIC_BASE_URL: 'http://localhost:8787' });
let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.close();
});

describe('createAdhocBooking', () => {
  const changes: string[] = [];
  const deps = {
    get db() {
      return tdb.db;
    },
    calendarChanged: (scope: string) => void changes.push(scope),
  };
  it('books an immediate session that may use the ad-hoc reserve, and refuses beyond total capacity', async () => {
    const seed = await seedScheduling(tdb.db, {
      counsellors: 3,
      capacity: 2,
      adhocReserve: 2,
      adhocDurationMinutes: 20,
    });
    const now = new Date('2026-12-03T09:07:30Z');
    const first = await createAdhocBooking(deps, {
      counsellorId: seed.counsellorIds[0] as string,
      phone: '+4915123456789',
      language: 'de',
      now,
      config,
    });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.booking.kind).toBe('adhoc');
    // The committed session clears the calendar caches for bookings only (rosters stay memoised).
    expect(changes).toEqual(['bookings']);
    expect(first.booking.start_at.toISOString()).toBe(now.toISOString());
    expect(first.booking.end_at.toISOString()).toBe('2026-12-03T09:27:30.000Z');
    expect(first.joinUrl).toBe(`http://localhost:8787/j/${first.joinCode}`);
    expect(Buffer.from(first.booking.join_code_hash)).toEqual(Buffer.from(await hashSecret(first.joinCode)));
    const buckets = await tdb.db.selectFrom('capacity_buckets').selectAll().orderBy('start_at').execute();
    expect(buckets.map((b) => b.start_at.toISOString())).toEqual([
      '2026-12-03T09:05:00.000Z',
      '2026-12-03T09:10:00.000Z',
      '2026-12-03T09:15:00.000Z',
      '2026-12-03T09:20:00.000Z',
      '2026-12-03T09:25:00.000Z',
    ]);
    expect(buckets.every((b) => b.adhoc_used === 1 && b.scheduled_used === 0)).toBe(true);
    const sms = await tdb.db.selectFrom('outbox_messages').selectAll().execute();
    expect(sms.map((m) => m.kind)).toEqual(['adhoc_link']);

    const busy = await createAdhocBooking(deps, {
      counsellorId: seed.counsellorIds[0] as string,
      language: 'de',
      now,
      config,
    });
    expect(busy).toEqual({ ok: false, reason: 'counsellor_busy' });

    const second = await createAdhocBooking(deps, {
      counsellorId: seed.counsellorIds[1] as string,
      language: 'en',
      now,
      config,
    });
    expect(second.ok).toBe(true);
    const third = await createAdhocBooking(deps, {
      counsellorId: seed.counsellorIds[2] as string,
      language: 'en',
      now,
      config,
    });
    expect(third).toEqual({ ok: false, reason: 'capacity_unavailable' });
    const count = await tdb.db.selectFrom('bookings').select('id').execute();
    expect(count).toHaveLength(2);
  });
});
