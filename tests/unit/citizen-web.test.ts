// Pure logic of the citizen pages: calendar arithmetic, busy levels, nearest slots, connection verdicts, call
// profiles under modes and caps, and the survey window.
import { describe, expect, it } from 'vitest';
import { evaluateSurveyWindow } from '../../functions/survey/survey-window.ts';
import {
  addDays,
  addMonths,
  busyLevel,
  lastDayOf,
  monthWeeks,
  nearestSlots,
  weekdayOf,
} from '../../web/src/shared/calendar-math.ts';
import {
  megabytesPer30Minutes,
  profileFor,
  profileKbps,
  type VideoMode,
} from '../../web/src/shared/call/profile.ts';
import { judgeConnection } from '../../web/src/shared/connection-check.ts';

describe('calendar arithmetic', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-10-25', 1, '2026-10-26'],
  ])('%s plus %i day(s) is %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-12', 1, '2027-01'],
    ['2027-01', -1, '2026-12'],
    ['2026-05', 14, '2027-07'],
  ])('%s plus %i month(s) is %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });

  it('lays out December 2026 Monday first, starting on a Tuesday', () => {
    const weeks = monthWeeks('2026-12');
    expect(weeks[0]).toEqual([
      null,
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weeks.at(-1)).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', null, null, null]);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });

  it('knows month ends and weekdays', () => {
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(weekdayOf('2026-12-06')).toBe(7);
    expect(weekdayOf('2026-11-30')).toBe(1);
  });

  it.each([
    [0, 30, 'none'],
    [5, 30, 'few'],
    [10, 30, 'few'],
    [11, 30, 'some'],
    [20, 30, 'many'],
    [30, 30, 'many'],
  ] as const)('%i of at most %i free slots is "%s"', (n, most, level) => {
    expect(busyLevel(n, most)).toBe(level);
  });

  it('offers the nearest other slots in time order', () => {
    const slots = ['08:00', '09:00', '09:30', '10:00', '13:00'].map((t) => ({
      start: `2026-12-03T${t}:00+01:00`,
    }));
    expect(nearestSlots(slots, '2026-12-03T09:30:00+01:00', 3).map((s) => s.start.slice(11, 16))).toEqual([
      '08:00',
      '09:00',
      '10:00',
    ]);
  });
});

describe('connection verdict', () => {
  it.each([
    [null, 'offline'],
    [{ rttMs: 150, downKbps: 1600, upKbps: 900 }, 'good'],
    [{ rttMs: 150, downKbps: 400, upKbps: 900 }, 'fair'],
    [{ rttMs: 800, downKbps: 5000, upKbps: 5000 }, 'fair'],
    [{ rttMs: 100, downKbps: 150, upKbps: 900 }, 'poor'],
    [{ rttMs: 2000, downKbps: 5000, upKbps: 5000 }, 'poor'],
    // Fast down, slow up: the camera goes upstream, so the weaker direction decides.
    [{ rttMs: 60, downKbps: 8000, upKbps: 300 }, 'fair'],
    [{ rttMs: 60, downKbps: 8000, upKbps: 128 }, 'poor'],
  ] as const)('%j is %s', (m, verdict) => {
    expect(judgeConnection(m)).toBe(verdict);
  });
});

describe('call profiles and data use', () => {
  it('data saver publishes at most 180p and asks for the low layer; audio only sends and asks for no video', () => {
    const saver = profileFor('saver', null);
    expect(saver.camera!.height).toBeLessThanOrEqual(180);
    expect(saver.remoteVideo).toBe('low');
    expect(profileFor('audio', null)).toEqual({ camera: null, remoteVideo: 'off' });
    expect(profileFor('standard', null).remoteVideo).toBe('adaptive');
  });

  it.each([null, 1500, 700, 400, 250, 100, 10])(
    'a cap of %s kbit/s is never exceeded unless nothing fits',
    (cap) => {
      for (const mode of ['standard', 'saver', 'audio'] as VideoMode[]) {
        const p = profileFor(mode, cap);
        if (cap !== null && profileKbps(p) > cap) expect(p).toEqual({ camera: null, remoteVideo: 'off' });
      }
    },
  );

  it('a cap only ever lowers what a mode sends', () => {
    expect(profileFor('saver', 1500)).toEqual(profileFor('saver', null));
    expect(profileFor('standard', 400).camera!.height).toBe(180);
    expect(profileFor('standard', 250).camera?.height ?? 0).toBeLessThanOrEqual(90);
  });

  it('gives the counsellor a sharper top layer only without a cap', () => {
    expect(profileFor('standard', null, 'counsellor').camera!.height).toBe(540);
    expect(profileFor('standard', 700, 'counsellor').camera!.height).toBe(360);
  });

  it('estimates megabytes per 30 minutes', () => {
    expect(megabytesPer30Minutes(80)).toBe(18);
    expect(megabytesPer30Minutes(profileKbps(profileFor('saver', null)))).toBe(81);
  });
});

describe('survey window', () => {
  const start = new Date('2026-12-03T09:00:00Z');
  const end = new Date('2026-12-03T09:30:00Z');
  it.each([
    ['confirmed', '2026-12-03T08:30:00Z', 'join_not_open'],
    ['confirmed', '2026-12-03T08:45:00Z', true],
    ['completed', '2026-12-10T09:00:00Z', true],
    ['completed', '2026-12-17T09:30:00Z', 'gone'],
    ['cancelled', '2026-12-03T09:10:00Z', 'booking_cancelled'],
  ] as const)('%s at %s → %s', (status, now, outcome) => {
    const r = evaluateSurveyWindow({ status, start, end }, new Date(now), 15);
    expect(r.ok ? true : r.reason).toBe(outcome);
  });
});
