import { describe, expect, it } from 'vitest';
import {
  effectiveRetentionDays,
  isDueForErasure,
  retentionCutoff,
} from '../../functions/retention/retention-date.ts';

describe('retentionCutoff', () => {
  it.each([
    ['2026-12-31T12:00:00Z', 30, '2026-12-01T12:00:00.000Z'],
    ['2026-01-01T00:00:00Z', 1, '2025-12-31T00:00:00.000Z'],
    // Across the end of daylight-saving time the period is still 30 × 24 h.
    ['2026-11-15T10:00:00Z', 30, '2026-10-16T10:00:00.000Z'],
  ])('at %s with %i days is %s', (now, days, cutoff) => {
    expect(retentionCutoff(new Date(now), days).toISOString()).toBe(cutoff);
  });
});

describe('isDueForErasure', () => {
  const end = new Date('2026-11-01T09:30:00Z');
  it.each([
    ['one second before the period ends', '2026-12-01T09:29:59Z', false],
    ['exactly when the period ends', '2026-12-01T09:30:00Z', true],
    ['long after', '2027-06-01T00:00:00Z', true],
  ])('%s', (_name, now, due) => {
    expect(isDueForErasure(end, new Date(now), 30)).toBe(due);
  });
});

describe('effectiveRetentionDays', () => {
  it.each([
    [30, undefined, 30],
    [30, 14, 14],
    [30, '14', 14],
    [30, 0, 30],
    [30, 3651, 30],
    [30, 1.5, 30],
    [30, 'x', 30],
    [30, null, 30],
  ])('config %i, setting %j -> %i', (config, setting, expected) => {
    expect(effectiveRetentionDays(config, setting)).toBe(expected);
  });
});
