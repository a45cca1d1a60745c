// When a booking's video room may be entered: a pure function of the booking's times, its status and `now`.
import type { BookingStatus } from '../db/database.ts';

export interface JoinWindowPolicy {
  /** Minutes before the start at which the room opens (config JOIN_OPENS_MINUTES_BEFORE). */
  opensMinutesBefore: number;
  /** Minutes after the end at which the room closes (config JOIN_CLOSES_MINUTES_AFTER). */
  closesMinutesAfter: number;
}

export interface JoinWindowBooking {
  status: BookingStatus;
  start: Date;
  end: Date;
}

export type JoinWindowResult =
  | { ok: true; opensAt: Date; closesAt: Date }
  | { ok: false; reason: 'join_not_open'; opensAt: Date }
  | { ok: false; reason: 'booking_cancelled' }
  | { ok: false; reason: 'join_closed' };

/** The instants at which a booking's room opens and closes. */
export function joinWindowOf(
  booking: Pick<JoinWindowBooking, 'start' | 'end'>,
  policy: JoinWindowPolicy,
): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(booking.start.getTime() - policy.opensMinutesBefore * 60_000),
    closesAt: new Date(booking.end.getTime() + policy.closesMinutesAfter * 60_000),
  };
}

/**
 * Decides whether a booking can be joined at `now`. The window is half-open: `[opensAt, closesAt)`.
 *
 * @example
 * evaluateJoinWindow(
 *   { status: 'confirmed', start: new Date('2026-12-03T09:00:00Z'), end: new Date('2026-12-03T09:30:00Z') },
 *   new Date('2026-12-03T08:40:00Z'),
 *   { opensMinutesBefore: 15, closesMinutesAfter: 30 },
 * ); // → { ok: false, reason: 'join_not_open', opensAt: 2026-12-03T08:45:00Z }
 */
export function evaluateJoinWindow(
  booking: JoinWindowBooking,
  now: Date,
  policy: JoinWindowPolicy,
): JoinWindowResult {
  if (booking.status === 'cancelled') return { ok: false, reason: 'booking_cancelled' };
  // A session the counsellor ended (completed) or that nobody attended (no_show) stays closed.
  if (booking.status !== 'confirmed') return { ok: false, reason: 'join_closed' };
  const { opensAt, closesAt } = joinWindowOf(booking, policy);
  if (now.getTime() < opensAt.getTime()) return { ok: false, reason: 'join_not_open', opensAt };
  if (now.getTime() >= closesAt.getTime()) return { ok: false, reason: 'join_closed' };
  return { ok: true, opensAt, closesAt };
}
