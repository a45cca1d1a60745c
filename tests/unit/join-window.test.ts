// The join window: opens 15 minutes before the start, closes 30 minutes after the end, closed for ended or cancelled bookings.
import { describe, expect, it } from 'vitest';
import type { BookingStatus } from '../../functions/db/database.ts';
import { evaluateJoinWindow, joinWindowOf } from '../../functions/rooms/join-window.ts';

const start = new Date('2026-12-03T09:00:00Z');
const end = new Date('2026-12-03T09:30:00Z');
const policy = { opensMinutesBefore: 15, closesMinutesAfter: 30 };
const at = (iso: string) => new Date(iso);

describe('evaluateJoinWindow', () => {
  it.each([
    ['a day before', '2026-12-02T09:00:00Z', 'join_not_open'],
    ['one second before it opens', '2026-12-03T08:44:59Z', 'join_not_open'],
    ['the instant it opens', '2026-12-03T08:45:00Z', 'open'],
    ['at the start', '2026-12-03T09:00:00Z', 'open'],
    ['during the session', '2026-12-03T09:17:00Z', 'open'],
    ['at the end', '2026-12-03T09:30:00Z', 'open'],
    ['one second before it closes', '2026-12-03T09:59:59Z', 'open'],
    ['the instant it closes', '2026-12-03T10:00:00Z', 'join_closed'],
    ['a week later', '2026-12-10T09:00:00Z', 'join_closed'],
  ])('a confirmed booking %s is %s', (_label, now, expected) => {
    const r = evaluateJoinWindow({ status: 'confirmed', start, end }, at(now), policy);
    expect(r.ok ? 'open' : r.reason).toBe(expected);
  });

  it('tells when a room that is not open yet opens', () => {
    const r = evaluateJoinWindow({ status: 'confirmed', start, end }, at('2026-12-03T08:00:00Z'), policy);
    expect(r).toEqual({ ok: false, reason: 'join_not_open', opensAt: at('2026-12-03T08:45:00Z') });
  });

  it.each<[BookingStatus, string, string]>([
    ['cancelled', '2026-12-03T09:10:00Z', 'booking_cancelled'],
    ['cancelled', '2026-12-02T09:10:00Z', 'booking_cancelled'],
    ['completed', '2026-12-03T09:10:00Z', 'join_closed'],
    ['no_show', '2026-12-03T09:10:00Z', 'join_closed'],
  ])('a %s booking at %s answers %s, whatever the time', (status, now, expected) => {
    const r = evaluateJoinWindow({ status, start, end }, at(now), policy);
    expect(r.ok ? 'open' : r.reason).toBe(expected);
  });

  it.each([
    [{ opensMinutesBefore: 0, closesMinutesAfter: 0 }, '2026-12-03T08:59:00Z', 'join_not_open'],
    [{ opensMinutesBefore: 0, closesMinutesAfter: 0 }, '2026-12-03T09:29:00Z', 'open'],
    [{ opensMinutesBefore: 0, closesMinutesAfter: 0 }, '2026-12-03T09:30:00Z', 'join_closed'],
    [{ opensMinutesBefore: 60, closesMinutesAfter: 5 }, '2026-12-03T08:00:00Z', 'open'],
    [{ opensMinutesBefore: 60, closesMinutesAfter: 5 }, '2026-12-03T09:35:00Z', 'join_closed'],
  ])('follows the configured policy %o at %s: %s', (p, now, expected) => {
    const r = evaluateJoinWindow({ status: 'confirmed', start, end }, at(now), p);
    expect(r.ok ? 'open' : r.reason).toBe(expected);
  });

  it('reports the open window itself', () => {
    expect(joinWindowOf({ start, end }, policy)).toEqual({
      opensAt: at('2026-12-03T08:45:00Z'),
      closesAt: at('2026-12-03T10:00:00Z'),
    });
  });
});
