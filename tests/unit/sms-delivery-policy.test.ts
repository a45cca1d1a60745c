import { describe, expect, it } from 'vitest';
import { counsellorReadyDue } from '../../functions/notifications/counsellor-ready.ts';
import {
  type BookingForDecision,
  decideSend,
  isMobileNumber,
  redactSecrets,
  retryDelayMs,
} from '../../functions/notifications/delivery-policy.ts';
import { reminderTimes } from '../../functions/notifications/reminders.ts';

const at = (iso: string) => new Date(iso);

describe('retryDelayMs', () => {
  it.each([
    [1, 0, 15_000],
    [1, 0.999_999, 30_000],
    [2, 0, 30_000],
    [3, 0.5, 90_000],
    [7, 0.5, 1_440_000],
    [8, 0, 1_800_000],
    [50, 0.5, 2_700_000],
  ])('after %i failures with random %f waits %i ms', (attempts, random, expected) => {
    expect(retryDelayMs(attempts, random)).toBe(expected);
  });

  it('grows exponentially until the cap and stays within half to full of the step', () => {
    for (let attempts = 1; attempts <= 12; attempts++) {
      const step = Math.min(3_600_000, 30_000 * 2 ** (attempts - 1));
      expect(retryDelayMs(attempts, 0)).toBe(step / 2);
      expect(retryDelayMs(attempts, 0.999_999)).toBeLessThanOrEqual(step);
    }
  });
});

describe('decideSend', () => {
  const booking: BookingForDecision = {
    status: 'confirmed',
    smsOptOut: false,
    start: at('2026-12-03T09:00:00Z'),
    end: at('2026-12-03T09:30:00Z'),
  };
  const msg = (kind: Parameters<typeof decideSend>[0]['kind']) => ({
    kind,
    recipient: '+4915112345678',
    body: 'text',
  });
  const before = at('2026-12-03T08:00:00Z');

  it.each([
    ['a confirmation before the appointment', msg('confirmation'), booking, before, { send: true }],
    [
      'a message whose booking opted out',
      msg('confirmation'),
      { ...booking, smsOptOut: true },
      before,
      { send: false, outcome: 'cancelled', reason: 'opted_out' },
    ],
    [
      'a reminder of a cancelled booking',
      msg('reminder'),
      { ...booking, status: 'cancelled' },
      before,
      { send: false, outcome: 'cancelled', reason: 'booking_cancelled' },
    ],
    [
      'the cancellation of a cancelled booking',
      msg('cancellation'),
      { ...booking, status: 'cancelled' },
      before,
      { send: true },
    ],
    [
      'a reminder after the start',
      msg('reminder'),
      booking,
      at('2026-12-03T09:01:00Z'),
      { send: false, outcome: 'cancelled', reason: 'too_late' },
    ],
    [
      'a running-late message during the appointment',
      msg('running_late'),
      booking,
      at('2026-12-03T09:10:00Z'),
      { send: true },
    ],
    [
      'an erased message',
      { kind: 'reminder' as const, recipient: null, body: null },
      booking,
      before,
      { send: false, outcome: 'cancelled', reason: 'erased' },
    ],
    [
      'a message to a landline',
      { ...msg('adhoc_link'), recipient: '+4930123456' },
      booking,
      before,
      { send: false, outcome: 'dead', reason: 'not_mobile' },
    ],
    ['a message without a booking', msg('adhoc_link'), null, before, { send: true }],
  ] as const)('%s', (_name, message, b, now, expected) => {
    expect(decideSend(message, b, now)).toEqual(expected);
  });
});

describe('isMobileNumber', () => {
  it.each([
    ['+4915112345678', true],
    ['+491701234567', true],
    ['+4930123456', false],
    ['015112345678', false],
    ['+49151', false],
  ])('%s -> %s', (n, ok) => expect(isMobileNumber(n)).toBe(ok));
});

describe('redactSecrets', () => {
  it('removes join codes and manage tokens but keeps the rest', () => {
    const text =
      'Teilnehmen:\nhttps://x.de/j/Qm9vS2luZ0NvZGVfMTIzNA\nÄndern:\nhttps://x.de/m/TWFuYWdlVG9rZW5fMTIz';
    expect(redactSecrets(text)).toBe(
      'Teilnehmen:\nhttps://x.de/j/[redacted]\nÄndern:\nhttps://x.de/m/[redacted]',
    );
  });
});

describe('reminderTimes', () => {
  const start = at('2026-12-03T09:00:00Z');
  it.each([
    ['both when booked days ahead', [1440, 60], '2026-11-28T12:00:00Z', [60 * 24, 60]],
    ['only the 1-hour one when booked the same morning', [1440, 60], '2026-12-03T06:00:00Z', [60]],
    ['none within ten minutes of the booking', [1440, 60], '2026-12-03T07:55:00Z', []],
    ['duplicates once', [60, 60, 30], '2026-12-01T00:00:00Z', [60, 30]],
    ['none when not configured', [], '2026-12-01T00:00:00Z', []],
  ])('%s', (_name, offsets, now, expected) => {
    expect(reminderTimes(start, offsets, at(now)).map((r) => r.offsetMinutes)).toEqual(expected);
  });

  it('schedules each reminder its offset before the start', () => {
    expect(
      reminderTimes(start, [1440, 60], at('2026-11-28T12:00:00Z')).map((r) => r.at.toISOString()),
    ).toEqual(['2026-12-02T09:00:00.000Z', '2026-12-03T08:00:00.000Z']);
  });
});

describe('counsellorReadyDue', () => {
  const s = {
    status: 'confirmed',
    start: at('2026-12-03T09:00:00Z'),
    end: at('2026-12-03T09:30:00Z'),
    counsellorJoinedAt: at('2026-12-03T08:58:00Z'),
    citizenJoinedAt: null,
  };
  it.each([
    ['not before the start', s, '2026-12-03T08:59:00Z', false],
    ['at the start when the counsellor waits', s, '2026-12-03T09:00:00Z', true],
    [
      'not in the first minute after the counsellor joined',
      { ...s, counsellorJoinedAt: at('2026-12-03T09:05:00Z') },
      '2026-12-03T09:05:30Z',
      false,
    ],
    [
      'not when the citizen is there',
      { ...s, citizenJoinedAt: at('2026-12-03T08:59:00Z') },
      '2026-12-03T09:02:00Z',
      false,
    ],
    ['not without the counsellor', { ...s, counsellorJoinedAt: null }, '2026-12-03T09:02:00Z', false],
    ['not close to the end', s, '2026-12-03T09:26:00Z', false],
    ['not for a cancelled booking', { ...s, status: 'cancelled' }, '2026-12-03T09:02:00Z', false],
  ])('%s', (_name, state, now, expected) => {
    expect(counsellorReadyDue(state, at(now))).toBe(expected);
  });
});
