// When personal data of an appointment must be gone (pure).

const DAY_MS = 24 * 60 * 60_000;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

/**
 * Appointments that ended at or before the returned instant are due for erasure: `days` full
 * days (24 h each, so a change of daylight-saving time never shortens the period) after their end.
 * @example retentionCutoff(new Date('2026-12-31T12:00Z'), 30) // 2026-12-01T12:00Z
 */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** True if an appointment that ended at `end` is past its retention period at `now`. */
export function isDueForErasure(end: Date, now: Date, days: number): boolean {
  return end.getTime() <= retentionCutoff(now, days).getTime();
}

/**
 * The period in force: the operator's setting (`settings.retention_days`, a JSON number) when it
 * is a whole number in range, otherwise the configured default.
 * @example effectiveRetentionDays(30, 14) // 14; effectiveRetentionDays(30, 'x') // 30
 */
export function effectiveRetentionDays(configDays: number, setting: unknown): number {
  const n = typeof setting === 'string' && /^\d+$/.test(setting) ? Number(setting) : setting;
  if (typeof n === 'number' && Number.isInteger(n) && n >= MIN_RETENTION_DAYS && n <= MAX_RETENTION_DAYS)
    return n;
  return configDays;
}
