import { describe, expect, it } from 'vitest';
import { formatInZone } from '../../functions/platform/time-zone.ts';
import {
  type Availability,
  blockedSpan,
  bucketBounds,
  checkStart,
  computeSlots,
  type ExistingBooking,
  type ServiceRules,
  type WeeklyHours,
  withinWorkingHours,
} from '../../functions/schedule/slot-engine.ts';

const TZ = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);
const weekdays = (start: string, end: string, days = [1, 2, 3, 4, 5]): WeeklyHours[] =>
  days.map((weekday) => ({ weekday, start, end }));

const RULES: ServiceRules = {
  durationMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 120,
  horizonDays: 42,
  slotStepMinutes: 30,
};

function availability(over: Partial<Availability> = {}): Availability {
  return {
    timeZone: TZ,
    counsellors: [{ id: 'c1', hours: weekdays('08:00', '16:00') }],
    busy: [],
    bookings: [],
    capacity: { maxConcurrentSessions: 8, adhocReserve: 0, maintenance: [] },
    ...over,
  };
}

function booking(
  id: string,
  counsellorId: string,
  start: string,
  end: string,
  buffers = [0, 0],
): ExistingBooking {
  return {
    id,
    counsellorId,
    start: at(start),
    end: at(end),
    blockedStart: at(start) - (buffers[0] ?? 0) * 60_000,
    blockedEnd: at(end) + (buffers[1] ?? 0) * 60_000,
  };
}

/** Local start times like `08:00+01:00`, one day at a time. */
function startsOn(rules: ServiceRules, av: Availability, now: string, date: string): string[] {
  const [day] = computeSlots(rules, av, at(now), date, date);
  return (day?.slots ?? []).map(
    (s) => formatInZone(s.start, TZ).slice(11, 16) + formatInZone(s.start, TZ).slice(19),
  );
}

const range = (from: string, to: string, stepMinutes: number, offset: string): string[] => {
  const out: string[] = [];
  const [fh, fm] = from.split(':').map(Number) as [number, number];
  const [th, tm] = to.split(':').map(Number) as [number, number];
  for (let m = fh * 60 + fm; m <= th * 60 + tm; m += stepMinutes) {
    out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}${offset}`);
  }
  return out;
};

const NOW = '2026-12-01T09:00:00Z';
const THU = '2026-12-03';

describe('computeSlots', () => {
  it.each<{
    name: string;
    rules?: Partial<ServiceRules>;
    av?: Partial<Availability>;
    now?: string;
    date?: string;
    expected: string[];
  }>([
    { name: 'offers every grid start inside working hours', expected: range('08:00', '15:30', 30, '+01:00') },
    { name: 'offers nothing on a day nobody works', date: '2026-12-05', expected: [] },
    {
      name: 'leaves out an absence',
      av: {
        busy: [
          {
            counsellorId: 'c1',
            start: at('2026-12-03T10:00:00+01:00'),
            end: at('2026-12-03T12:00:00+01:00'),
          },
        ],
      },
      expected: [...range('08:00', '09:30', 30, '+01:00'), ...range('12:00', '15:30', 30, '+01:00')],
    },
    {
      name: 'leaves out a booked time of the only counsellor',
      av: { bookings: [booking('b1', 'c1', '2026-12-03T09:00:00+01:00', '2026-12-03T10:00:00+01:00')] },
      expected: [...range('08:00', '08:30', 30, '+01:00'), ...range('10:00', '15:30', 30, '+01:00')],
    },
    {
      name: 'keeps buffers before and after inside working hours and clear of other bookings',
      rules: { bufferBeforeMinutes: 10, bufferAfterMinutes: 5, slotStepMinutes: 15 },
      av: {
        bookings: [booking('b1', 'c1', '2026-12-03T12:00:00+01:00', '2026-12-03T12:30:00+01:00', [10, 5])],
      },
      expected: [...range('08:15', '11:15', 15, '+01:00'), ...range('12:45', '15:15', 15, '+01:00')],
    },
    {
      name: 'respects the minimum notice',
      now: '2026-12-03T08:00:00Z',
      expected: range('11:00', '15:30', 30, '+01:00'),
    },
    {
      name: 'starts after the notice on the next grid point',
      now: '2026-12-03T08:07:00Z',
      expected: range('11:30', '15:30', 30, '+01:00'),
    },
    {
      name: 'offers the last day of the horizon',
      rules: { horizonDays: 2 },
      expected: range('08:00', '15:30', 30, '+01:00'),
    },
    {
      name: 'offers nothing beyond the horizon',
      rules: { horizonDays: 2 },
      date: '2026-12-04',
      expected: [],
    },
    { name: 'offers nothing in the past', date: '2026-11-30', expected: [] },
    {
      name: 'offers nothing with a capacity of zero',
      av: { capacity: { maxConcurrentSessions: 0, adhocReserve: 0, maintenance: [] } },
      expected: [],
    },
    {
      name: 'leaves out times where the video system is full although a counsellor is free',
      av: {
        counsellors: [
          { id: 'c1', hours: weekdays('08:00', '16:00') },
          { id: 'c2', hours: weekdays('08:00', '16:00') },
        ],
        capacity: { maxConcurrentSessions: 1, adhocReserve: 0, maintenance: [] },
        bookings: [booking('b1', 'c2', '2026-12-03T10:00:00+01:00', '2026-12-03T11:00:00+01:00')],
      },
      expected: [...range('08:00', '09:30', 30, '+01:00'), ...range('11:00', '15:30', 30, '+01:00')],
    },
    {
      name: 'keeps the ad-hoc reserve free for scheduled bookings',
      av: {
        counsellors: [
          { id: 'c1', hours: weekdays('08:00', '16:00') },
          { id: 'c2', hours: weekdays('08:00', '16:00') },
        ],
        capacity: { maxConcurrentSessions: 2, adhocReserve: 1, maintenance: [] },
        bookings: [booking('b1', 'c2', '2026-12-03T08:00:00+01:00', '2026-12-03T15:00:00+01:00')],
      },
      expected: range('15:00', '15:30', 30, '+01:00'),
    },
    {
      name: 'counts an off-grid ad-hoc session in every five-minute bucket it touches',
      rules: { slotStepMinutes: 15 },
      av: {
        counsellors: [
          { id: 'c1', hours: weekdays('08:00', '16:00') },
          { id: 'c2', hours: weekdays('08:00', '16:00') },
        ],
        capacity: { maxConcurrentSessions: 1, adhocReserve: 0, maintenance: [] },
        bookings: [booking('a1', 'c2', '2026-12-03T10:07:00+01:00', '2026-12-03T10:37:00+01:00')],
      },
      expected: [...range('08:00', '09:30', 15, '+01:00'), ...range('10:45', '15:30', 15, '+01:00')],
    },
    {
      name: 'takes capacity use from the database counters when given',
      rules: { slotStepMinutes: 15 },
      av: {
        capacity: { maxConcurrentSessions: 2, adhocReserve: 0, maintenance: [] },
        capacityUsage: [
          { start: at('2026-12-03T10:00:00+01:00'), used: 2 },
          { start: at('2026-12-03T10:05:00+01:00'), used: 1 },
          { start: at('2026-12-03T10:10:00+01:00'), used: 2 },
        ],
      },
      expected: [...range('08:00', '09:30', 15, '+01:00'), ...range('10:15', '15:30', 15, '+01:00')],
    },
    {
      name: 'lowers capacity during a maintenance window',
      rules: { slotStepMinutes: 15 },
      av: {
        capacity: {
          maxConcurrentSessions: 8,
          adhocReserve: 0,
          maintenance: [
            { start: at('2026-12-03T12:00:00+01:00'), end: at('2026-12-03T13:00:00+01:00'), capacity: 0 },
          ],
        },
      },
      expected: [...range('08:00', '11:30', 15, '+01:00'), ...range('13:00', '15:30', 15, '+01:00')],
    },
    {
      name: 'treats a maintenance window above the capacity as no limit',
      av: {
        capacity: {
          maxConcurrentSessions: 1,
          adhocReserve: 0,
          maintenance: [
            { start: at('2026-12-03T12:00:00+01:00'), end: at('2026-12-03T13:00:00+01:00'), capacity: 5 },
          ],
        },
      },
      expected: range('08:00', '15:30', 30, '+01:00'),
    },
    {
      name: 'skips the missing hour on the spring daylight-saving day (2026-03-29)',
      now: '2026-03-20T09:00:00Z',
      date: '2026-03-29',
      av: { counsellors: [{ id: 'c1', hours: [{ weekday: 7, start: '00:00', end: '06:00' }] }] },
      expected: [...range('00:00', '01:30', 30, '+01:00'), ...range('03:00', '05:30', 30, '+02:00')],
    },
    {
      name: 'offers summer-time starts on the spring daylight-saving day (2026-03-29)',
      now: '2026-03-20T09:00:00Z',
      date: '2026-03-29',
      av: { counsellors: [{ id: 'c1', hours: weekdays('08:00', '16:00', [7]) }] },
      expected: range('08:00', '15:30', 30, '+02:00'),
    },
    {
      name: 'offers the repeated hour twice on the autumn daylight-saving day (2026-10-25)',
      now: '2026-10-20T09:00:00Z',
      date: '2026-10-25',
      av: { counsellors: [{ id: 'c1', hours: [{ weekday: 7, start: '00:00', end: '06:00' }] }] },
      expected: [...range('00:00', '02:30', 30, '+02:00'), ...range('02:00', '05:30', 30, '+01:00')],
    },
    {
      name: 'offers winter-time starts on the autumn daylight-saving day (2026-10-25)',
      now: '2026-10-20T09:00:00Z',
      date: '2026-10-25',
      av: { counsellors: [{ id: 'c1', hours: weekdays('08:00', '16:00', [7]) }] },
      expected: range('08:00', '15:30', 30, '+01:00'),
    },
    {
      name: 'lets a session run across midnight when hours continue the next day',
      rules: { durationMinutes: 60 },
      date: '2026-12-07',
      av: {
        counsellors: [
          {
            id: 'c1',
            hours: [
              { weekday: 1, start: '22:00', end: '24:00' },
              { weekday: 2, start: '00:00', end: '02:00' },
            ],
          },
        ],
      },
      expected: range('22:00', '23:30', 30, '+01:00'),
    },
    {
      name: 'offers a time when any one of several counsellors is free',
      av: {
        counsellors: [
          { id: 'c1', hours: weekdays('08:00', '12:00') },
          { id: 'c2', hours: weekdays('11:00', '16:00') },
        ],
        bookings: [booking('b1', 'c2', '2026-12-03T11:00:00+01:00', '2026-12-03T13:00:00+01:00')],
      },
      expected: [...range('08:00', '11:30', 30, '+01:00'), ...range('13:00', '15:30', 30, '+01:00')],
    },
    {
      name: 'ignores the booking being rescheduled',
      av: {
        bookings: [booking('b1', 'c1', '2026-12-03T09:00:00+01:00', '2026-12-03T15:00:00+01:00')],
        ignoreBookingId: 'b1',
      },
      expected: range('08:00', '15:30', 30, '+01:00'),
    },
  ])('$name', ({ rules, av, now, date, expected }) => {
    expect(startsOn({ ...RULES, ...rules }, availability(av), now ?? NOW, date ?? THU)).toEqual(expected);
  });

  it('lists every date of the range, with an end one duration after each start', () => {
    const days = computeSlots(RULES, availability(), at(NOW), '2026-12-01', '2026-12-07');
    expect(days.map((d) => d.date)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
      '2026-12-07',
    ]);
    expect(days.map((d) => d.slots.length)).toEqual([8, 16, 16, 16, 0, 0, 16]);
    for (const d of days) for (const s of d.slots) expect(s.end - s.start).toBe(30 * 60_000);
  });

  it('computes 28 days for 200 counsellors and 20,000 bookings: weekdays open, weekends closed', () => {
    const counsellors = Array.from({ length: 200 }, (_, i) => ({
      id: `c${i}`,
      hours: weekdays('08:00', '16:00'),
    }));
    const bookings: ExistingBooking[] = [];
    const base = at('2026-12-01T07:00:00Z');
    for (let i = 0; i < 20_000; i++) {
      const day = i % 28;
      const slot = Math.floor(i / 28) % 16;
      const start = base + day * 86_400_000 + slot * 30 * 60_000;
      bookings.push({
        id: `b${i}`,
        counsellorId: `c${i % 200}`,
        start,
        end: start + 1_800_000,
        blockedStart: start,
        blockedEnd: start + 1_800_000,
      });
    }
    const av = availability({
      counsellors,
      bookings,
      capacity: { maxConcurrentSessions: 60, adhocReserve: 2, maintenance: [] },
    });
    // Speed at this size is measured by `npm run bench` (bench/slots.ts), never asserted in a test.
    const days = computeSlots(RULES, av, at(NOW), '2026-12-01', '2026-12-28');
    expect(days).toHaveLength(28);
    for (const d of days) {
      const weekday = new Date(`${d.date}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) expect(d.slots).toEqual([]);
      else expect(d.slots.length).toBeGreaterThan(0);
    }
  });
});

describe('blockedSpan', () => {
  it('keeps the counsellor from the buffer before to the end of the buffer after', () => {
    const rules = { ...RULES, durationMinutes: 45, bufferBeforeMinutes: 10, bufferAfterMinutes: 15 };
    const start = at('2026-12-03T09:00:00+01:00');
    expect(blockedSpan(rules, start)).toEqual({
      start: at('2026-12-03T08:50:00+01:00'),
      end: at('2026-12-03T10:00:00+01:00'),
    });
  });

  it('is the session itself without buffers', () => {
    const start = at('2026-12-03T09:00:00+01:00');
    expect(blockedSpan(RULES, start)).toEqual({ start, end: at('2026-12-03T09:30:00+01:00') });
  });
});

describe('bucketBounds', () => {
  // The same rounding as take_booking_capacity and shift_booking_capacity (migrations 0018, 0026).
  it.each([
    ['2026-12-03T09:00:00Z', '2026-12-03T09:30:00Z', '2026-12-03T09:00:00Z', '2026-12-03T09:30:00Z'],
    ['2026-12-03T09:02:10Z', '2026-12-03T09:32:10Z', '2026-12-03T09:00:00Z', '2026-12-03T09:35:00Z'],
    ['2026-12-03T09:04:59Z', '2026-12-03T09:05:00Z', '2026-12-03T09:00:00Z', '2026-12-03T09:05:00Z'],
  ])('puts %s – %s into the buckets from %s to %s', (start, end, from, to) => {
    expect(bucketBounds(at(start), at(end))).toEqual([at(from), at(to)]);
  });
});

describe('withinWorkingHours', () => {
  it.each([
    { start: '2026-12-03T08:00:00+01:00', end: '2026-12-03T16:00:00+01:00', expected: true },
    { start: '2026-12-03T07:55:00+01:00', end: '2026-12-03T08:30:00+01:00', expected: false },
    { start: '2026-12-05T10:00:00+01:00', end: '2026-12-05T10:30:00+01:00', expected: false },
  ])('$start..$end: $expected', ({ start, end, expected }) => {
    expect(withinWorkingHours(weekdays('08:00', '16:00'), TZ, at(start), at(end))).toBe(expected);
  });
});

describe('checkStart', () => {
  const rules = { ...RULES, slotStepMinutes: 15, horizonDays: 10 };
  it.each([
    { start: '2026-12-03T10:15:00+01:00', expected: { ok: true } },
    { start: '2026-12-03T10:10:00+01:00', expected: { ok: false, reason: 'off_grid' } },
    { start: '2026-12-03T10:15:30+01:00', expected: { ok: false, reason: 'off_grid' } },
    { start: '2026-11-30T10:00:00+01:00', expected: { ok: false, reason: 'in_past' } },
    { start: '2026-12-01T11:00:00+01:00', expected: { ok: false, reason: 'too_soon' } },
    { start: '2026-12-11T15:00:00+01:00', expected: { ok: true } },
    { start: '2026-12-12T08:00:00+01:00', expected: { ok: false, reason: 'beyond_horizon' } },
  ])('$start -> $expected', ({ start, expected }) => {
    expect(checkStart(rules, TZ, at(NOW), at(start))).toEqual(expected);
  });
});
