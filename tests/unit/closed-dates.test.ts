// Closed dates per counsellor: holidays of the site's state (or the default), agency and site closing days.
import { describe, expect, it } from 'vitest';
import { closedDatesByCounsellor } from '../../functions/closures/closed-dates.ts';
import { publicHolidays } from '../../functions/closures/holidays.ts';

describe('publicHolidays', () => {
  it.each([
    [null, '2026-12-20', '2026-12-31', ['2026-12-25', '2026-12-26']],
    ['BY', '2027-01-01', '2027-01-10', ['2027-01-01', '2027-01-06']],
    ['BE', '2027-01-01', '2027-01-10', ['2027-01-01']],
    ['BE', '2027-03-01', '2027-03-10', ['2027-03-08']],
    ['SN', '2026-11-15', '2026-11-30', ['2026-11-18']],
    [null, '2026-12-31', '2027-01-01', ['2027-01-01']],
  ] as const)('%s from %s to %s', (state, from, to, expected) => {
    expect(publicHolidays(state, from, to).map((h) => h.date)).toEqual(expected);
  });
});

describe('closedDatesByCounsellor', () => {
  const counsellors = [
    { id: 'a', siteId: null, federalState: null },
    { id: 'b', siteId: 's1', federalState: 'BY' as const },
    { id: 'c', siteId: 's2', federalState: null },
  ];
  it('combines holidays of each state with agency and site closing days', () => {
    const closed = closedDatesByCounsellor(
      counsellors,
      [
        { date: '2027-01-04', siteId: null },
        { date: '2027-01-05', siteId: 's2' },
      ],
      null,
      '2027-01-01',
      '2027-01-07',
    );
    expect(Object.fromEntries(closed)).toEqual({
      a: ['2027-01-01', '2027-01-04'],
      b: ['2027-01-01', '2027-01-04', '2027-01-06'],
      c: ['2027-01-01', '2027-01-04', '2027-01-05'],
    });
  });

  it('uses the default state for counsellors whose site has none, and leaves open counsellors out', () => {
    const closed = closedDatesByCounsellor(counsellors, [], 'BW', '2027-01-05', '2027-01-07');
    expect(Object.fromEntries(closed)).toEqual({ a: ['2027-01-06'], b: ['2027-01-06'], c: ['2027-01-06'] });
    expect(closedDatesByCounsellor(counsellors, [], null, '2027-01-05', '2027-01-05').size).toBe(0);
  });
});
