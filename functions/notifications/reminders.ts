// When reminders for an appointment go out, from the configured offsets (pure).

/** A reminder closer than this to the booking itself would only repeat the confirmation. */
export const REMINDER_MIN_LEAD_MS = 10 * 60_000;

export interface ReminderTime {
  offsetMinutes: number;
  at: Date;
}

/**
 * One reminder per distinct offset (minutes before `start`), skipping those already past or due
 * within ten minutes of `now`, earliest first.
 * @example reminderTimes(new Date('2026-12-03T09:00Z'), [1440, 60], new Date('2026-12-03T07:00Z'))
 * // [{ offsetMinutes: 60, at: 2026-12-03T08:00Z }]  (the 24-hour one is already past)
 */
export function reminderTimes(start: Date, offsetsMinutes: readonly number[], now: Date): ReminderTime[] {
  const offsets = [...new Set(offsetsMinutes.filter((m) => Number.isInteger(m) && m >= 0))];
  return offsets
    .map((offsetMinutes) => ({ offsetMinutes, at: new Date(start.getTime() - offsetMinutes * 60_000) }))
    .filter((r) => r.at.getTime() > now.getTime() + REMINDER_MIN_LEAD_MS)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}
