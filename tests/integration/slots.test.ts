import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlotCalendar as SlotsBody } from '../../contract/slots.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { type SchedulingSeed, seedScheduling } from '../helpers/scheduling.ts';

let tdb: TestDatabase;
let t: TestApp;
let seed: SchedulingSeed;
const clock = new TestClock(new Date('2026-12-01T08:00:00Z'));

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb, { clock });
  seed = await seedScheduling(tdb.db, { counsellors: 2, capacity: 8, slotStepMinutes: 30 });
});
afterAll(async () => {
  await tdb.close();
});

async function slots(query: string): Promise<SlotsBody> {
  const res = await t.request(`/api/slots?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as SlotsBody;
}

describe('GET /api/slots', () => {
  it('lists every day of the range with its free slots and their count, in Berlin time', async () => {
    const body = await slots('service=arbeitslosengeld&from=2026-12-03&to=2026-12-06');
    expect(body.service).toBe('arbeitslosengeld');
    expect(body.timeZone).toBe('Europe/Berlin');
    expect(body.days.map((d) => [d.date, d.freeCount])).toEqual([
      ['2026-12-03', 16],
      ['2026-12-04', 16],
      ['2026-12-05', 0],
      ['2026-12-06', 0],
    ]);
    expect(body.days[0]?.slots[0]).toEqual({
      start: '2026-12-03T08:00:00+01:00',
      end: '2026-12-03T08:30:00+01:00',
    });
    expect(body.days[0]?.slots.at(-1)).toEqual({
      start: '2026-12-03T15:30:00+01:00',
      end: '2026-12-03T16:00:00+01:00',
    });
  });

  it('never reveals counsellor identities', async () => {
    const res = await t.request('/api/slots?service=arbeitslosengeld&from=2026-12-03&to=2026-12-04');
    const text = await res.text();
    for (const id of [...seed.counsellorIds, ...seed.staffUserIds]) expect(text).not.toContain(id);
    expect(text).not.toMatch(/counsellor/i);
  });

  it('accepts a range of 42 days', async () => {
    const body = await slots('service=arbeitslosengeld&from=2026-12-01&to=2027-01-12');
    expect(body.days).toHaveLength(43);
  });

  it.each([
    [
      'a range longer than 42 days',
      'service=arbeitslosengeld&from=2026-12-01&to=2027-01-13',
      'invalid_request',
    ],
    ['to before from', 'service=arbeitslosengeld&from=2026-12-05&to=2026-12-04', 'invalid_request'],
    ['a malformed date', 'service=arbeitslosengeld&from=2026-12-1&to=2026-12-04', 'invalid_request'],
    ['an impossible date', 'service=arbeitslosengeld&from=2026-02-30&to=2026-03-04', 'invalid_request'],
    ['a missing service', 'from=2026-12-01&to=2026-12-04', 'invalid_request'],
    ['a missing range', 'service=arbeitslosengeld', 'invalid_request'],
    [
      'a malformed service id',
      'service=Arbeits%20losengeld&from=2026-12-01&to=2026-12-04',
      'invalid_request',
    ],
  ])('rejects %s with 400', async (_name, query, code) => {
    const res = await t.request(`/api/slots?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { code: string }).code).toBe(code);
  });

  it('rejects an unknown service with a problem', async () => {
    const res = await t.request('/api/slots?service=gibt-es-nicht&from=2026-12-01&to=2026-12-04');
    expect(res.status).toBe(422);
    expect(((await res.json()) as { code: string }).code).toBe('unknown_service');
  });

  it('drops a slot once the video system is full for it, even with a counsellor free', async () => {
    await tdb.db.updateTable('capacity_settings').set({ max_concurrent_sessions: 1 }).execute();
    t.deps.calendarChanged('all');
    const res = await t.request('/api/bookings', {
      method: 'POST',
      json: {
        service: 'arbeitslosengeld',
        start: '2026-12-04T10:00:00+01:00',
        phone: '+4915123456789',
        consent: true,
      },
    });
    expect(res.status).toBe(201);
    const body = await slots('service=arbeitslosengeld&from=2026-12-04&to=2026-12-04');
    const starts = body.days[0]?.slots.map((s) => s.start.slice(11, 16));
    expect(starts).not.toContain('10:00');
    expect(body.days[0]?.freeCount).toBe(15);
    await tdb.db.updateTable('capacity_settings').set({ max_concurrent_sessions: 8 }).execute();
    t.deps.calendarChanged('all');
    const after = await slots('service=arbeitslosengeld&from=2026-12-04&to=2026-12-04');
    expect(after.days[0]?.freeCount).toBe(16);
  });
});

describe('GET /api/services', () => {
  it('lists bookable services with what the calendar needs, in the requested language', async () => {
    const res = await t.request('/api/services', { headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      services: [
        {
          id: 'arbeitslosengeld',
          name: 'Unemployment benefit',
          description: '',
          durationMinutes: 30,
          minNoticeMinutes: 120,
          horizonDays: 42,
          slotStepMinutes: 30,
        },
      ],
      timeZone: 'Europe/Berlin',
    });
  });
});
