// Pure core of the staff features: agenda status, case-file links, zoned days, forecast, CSV.
import { describe, expect, it } from 'vitest';
import { agendaStatus, caseFileUrl } from '../../functions/agenda/status.ts';
import { addDays, dateIn, startOfDay } from '../../functions/platform/zoned-time.ts';
import { capacityAt, hourlyForecast } from '../../functions/stats/forecast.ts';
import { daysToCsv, EMPTY_DAY, totalsOf } from '../../functions/stats/report.ts';

describe('agendaStatus', () => {
  it.each([
    [{ status: 'confirmed', endedAt: null, citizenPresent: false, counsellorPresent: false }, 'booked'],
    [
      { status: 'confirmed', endedAt: null, citizenPresent: true, counsellorPresent: false },
      'citizen_waiting',
    ],
    [{ status: 'confirmed', endedAt: null, citizenPresent: true, counsellorPresent: true }, 'in_call'],
    [{ status: 'confirmed', endedAt: null, citizenPresent: false, counsellorPresent: true }, 'booked'],
    [{ status: 'confirmed', endedAt: new Date(0), citizenPresent: true, counsellorPresent: true }, 'done'],
    [{ status: 'completed', endedAt: null, citizenPresent: false, counsellorPresent: false }, 'done'],
    [{ status: 'no_show', endedAt: null, citizenPresent: false, counsellorPresent: false }, 'no_show'],
    [{ status: 'cancelled', endedAt: null, citizenPresent: true, counsellorPresent: false }, 'cancelled'],
  ] as const)('maps %o to %s', (input, expected) => {
    expect(agendaStatus(input)).toBe(expected);
  });
});

describe('caseFileUrl', () => {
  it.each([
    ['https://akte.example/k/{customerNumber}', '12 A/3', 'https://akte.example/k/12%20A%2F3'],
    [
      'https://akte.example/k?nr={customerNumber}&x={customerNumber}',
      'a&b',
      'https://akte.example/k?nr=a%26b&x=a%26b',
    ],
    ['', '123', null],
    ['https://akte.example/{customerNumber}', null, null],
    ['javascript:alert("{customerNumber}")', '1', null],
  ])('fills %s with %s', (template, number, expected) => {
    expect(caseFileUrl(template, number)).toBe(expected);
  });
});

describe('zoned days', () => {
  it.each([
    ['2026-12-03', '2026-12-02T23:00:00.000Z'],
    ['2026-07-01', '2026-06-30T22:00:00.000Z'],
    ['2026-03-29', '2026-03-28T23:00:00.000Z'],
    ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    ['2026-10-25', '2026-10-24T22:00:00.000Z'],
  ])('day %s starts at %s in Berlin', (date, instant) => {
    expect(startOfDay(date, 'Europe/Berlin').toISOString()).toBe(instant);
    expect(dateIn(new Date(instant), 'Europe/Berlin')).toBe(date);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
  });
});

describe('hourlyForecast', () => {
  const from = new Date('2026-12-03T09:00:00Z');
  const at = (m: number) => new Date(from.getTime() + m * 60_000);

  it('takes the peak of concurrent sessions and the lowest capacity per hour', () => {
    const hours = hourlyForecast({
      from,
      hours: 2,
      maxConcurrent: 5,
      reserve: 1,
      sessions: [
        { start: at(0), end: at(30) },
        { start: at(30), end: at(60) },
        { start: at(45), end: at(75) },
      ],
      windows: [{ start: at(70), end: at(80), capacity: 2 }],
    });
    expect(hours).toEqual([
      { start: '2026-12-03T09:00:00.000Z', booked: 2, capacity: 5, bookable: 4 },
      { start: '2026-12-03T10:00:00.000Z', booked: 1, capacity: 2, bookable: 1 },
    ]);
  });

  it('ignores sessions outside the range and clips those crossing its edges', () => {
    const hours = hourlyForecast({
      from,
      hours: 1,
      maxConcurrent: 3,
      reserve: 0,
      sessions: [
        { start: at(-120), end: at(-60) },
        { start: at(-10), end: at(10) },
        { start: at(55), end: at(200) },
      ],
      windows: [],
    });
    expect(hours[0]!.booked).toBe(1);
  });

  it('knows the capacity at an instant', () => {
    expect(capacityAt(at(5), 8, [{ start: at(0), end: at(10), capacity: 3 }])).toBe(3);
    expect(capacityAt(at(10), 8, [{ start: at(0), end: at(10), capacity: 3 }])).toBe(8);
  });
});

describe('statistics report', () => {
  it('weights the average duration by sessions and renders CSV with CRLF', () => {
    const days = [
      { ...EMPTY_DAY, date: '2026-12-01', sessions: 1, averageDurationMinutes: 10, peakConcurrent: 1 },
      { ...EMPTY_DAY, date: '2026-12-02', sessions: 3, averageDurationMinutes: 30, peakConcurrent: 4 },
    ];
    expect(totalsOf(days)).toMatchObject({ sessions: 4, averageDurationMinutes: 25, peakConcurrent: 4 });
    const csv = daysToCsv(days);
    expect(csv.split('\r\n')[1]).toBe('2026-12-01,0,0,0,0,0,1,10,1,0');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
