// When a booking's survey may be answered: from the opening of its join window until some days after its end.
import type { BookingStatus } from '../db/database.ts';

/** Days after the appointment's end during which the survey link still works. */
export const SURVEY_OPEN_DAYS_AFTER_END = 14;

export type SurveyWindowResult =
  | { ok: true }
  | { ok: false; reason: 'booking_cancelled' }
  | { ok: false; reason: 'join_not_open'; opensAt: Date }
  | { ok: false; reason: 'gone' };

/**
 * Decides whether the survey of a booking can be answered at `now`.
 *
 * @example
 * evaluateSurveyWindow({ status: 'confirmed', start, end }, new Date(start.getTime() - 3_600_000), 15)
 * // → { ok: false, reason: 'join_not_open', opensAt: start − 15 min }
 */
export function evaluateSurveyWindow(
  booking: { status: BookingStatus; start: Date; end: Date },
  now: Date,
  opensMinutesBefore: number,
): SurveyWindowResult {
  if (booking.status === 'cancelled') return { ok: false, reason: 'booking_cancelled' };
  const opensAt = new Date(booking.start.getTime() - opensMinutesBefore * 60_000);
  if (now.getTime() < opensAt.getTime()) return { ok: false, reason: 'join_not_open', opensAt };
  const closesAt = booking.end.getTime() + SURVEY_OPEN_DAYS_AFTER_END * 86_400_000;
  if (now.getTime() >= closesAt) return { ok: false, reason: 'gone' };
  return { ok: true };
}
