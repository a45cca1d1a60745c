import { describe, expect, it } from 'vitest';
import type { Language, OutboxKind } from '../../functions/db/database.ts';
import { DEMO_SERVICES } from '../../functions/db/seed.ts';
import { smsSegments } from '../../functions/notifications/sms-segments.ts';
import { formatWhen, renderSms } from '../../functions/notifications/templates.ts';

const KINDS: OutboxKind[] = [
  'confirmation',
  'reminder',
  'cancellation',
  'rescheduled',
  'counsellor_ready',
  'running_late',
  'adhoc_link',
  'rebooking_needed',
];
const LANGS: Language[] = ['de', 'en'];
// Realistic links: an agency host and a 22-character code (128 bits), about 60 characters each.
const base = 'https://video.arbeitsagentur-musterstadt.de';
const joinUrl = `${base}/j/Qm9vS2luZ0NvZGVfMTIzNA`;
const manageUrl = `${base}/m/TWFuYWdlVG9rZW5fMTIzNDU2Nzg5MA`;
const start = new Date('2026-12-03T09:00:00Z');
const longestService = [...DEMO_SERVICES.map((s) => s.name_de), ...DEMO_SERVICES.map((s) => s.name_en)].sort(
  (a, b) => b.length - a.length,
)[0];

const cases = KINDS.flatMap((kind) => LANGS.map((lang) => [kind, lang] as const));

describe('SMS templates', () => {
  it('uses links of realistic length', () => {
    expect(joinUrl.length).toBeGreaterThanOrEqual(60);
    expect(manageUrl.length).toBeGreaterThanOrEqual(60);
  });

  it.each(cases)('%s (%s) fits two GSM-7 segments with realistic links', (kind, lang) => {
    for (const service of [longestService, 'Citizen’s income – Beratung für „Neue“']) {
      const text = renderSms(kind, lang, {
        start,
        timeZone: 'Europe/Berlin',
        service,
        joinUrl,
        manageUrl,
        bookUrl: `${base}/`,
        minutes: 15,
      });
      const count = smsSegments(text);
      expect(count.encoding, text).toBe('gsm7');
      expect(count.segments, text).toBeLessThanOrEqual(2);
    }
  });

  it.each(cases)('%s (%s) puts every link on its own line', (kind, lang) => {
    const text = renderSms(kind, lang, { start, service: 'Arbeitslosengeld', joinUrl, manageUrl });
    for (const url of [joinUrl, manageUrl]) {
      if (!text.includes(url)) continue;
      const line = text.split('\n').find((l) => l.includes(url));
      expect(line).toBe(url);
    }
  });

  it.each([
    ['de', 'Do 03.12. um 10:00 Uhr'],
    ['en', 'Thu 3 Dec at 10:00'],
  ] as const)('writes the time in the service time zone (%s)', (lang, expected) => {
    expect(formatWhen({ start, timeZone: 'Europe/Berlin' }, lang)).toBe(expected);
    expect(renderSms('confirmation', lang, { start, joinUrl, manageUrl })).toContain(expected);
  });

  it('writes summer time correctly', () => {
    expect(formatWhen({ start: new Date('2026-07-01T06:30:00Z') }, 'de')).toBe('Mi 01.07. um 08:30 Uhr');
  });

  it.each([
    ['confirmation', 'de', ['bestätigt', joinUrl, manageUrl]],
    ['confirmation', 'en', ['confirmed', joinUrl, manageUrl]],
    ['reminder', 'de', ['Erinnerung', joinUrl]],
    ['cancellation', 'de', ['abgesagt']],
    ['cancellation', 'en', ['cancelled']],
    ['rescheduled', 'de', ['verlegt', joinUrl]],
    ['running_late', 'de', ['15 Minuten', '10:00 Uhr']],
    ['running_late', 'en', ['15 minutes late']],
    ['adhoc_link', 'en', ['starts now', joinUrl]],
  ] as const)('%s (%s) says what happened', (kind, lang, needles) => {
    const text = renderSms(kind, lang, { start, joinUrl, manageUrl, minutes: 15 });
    for (const n of needles) expect(text).toContain(n);
  });

  it('without a fresh link, the ready message points to the confirmation SMS', () => {
    expect(renderSms('counsellor_ready', 'de', {})).toContain('Link aus Ihrer Bestätigungs-SMS');
    expect(renderSms('counsellor_ready', 'en', {})).toContain('link from your confirmation SMS');
    expect(renderSms('counsellor_ready', 'en', { joinUrl })).toContain(`\n${joinUrl}`);
  });

  it.each(LANGS)('rebooking without a manage link still fits two GSM-7 segments (%s)', (lang) => {
    const text = renderSms('rebooking_needed', lang, { start, service: longestService });
    expect(text).not.toContain('undefined');
    expect(smsSegments(text).encoding).toBe('gsm7');
    expect(smsSegments(text).segments).toBeLessThanOrEqual(2);
  });

  it('cuts very long service names instead of growing a third segment', () => {
    const text = renderSms('confirmation', 'de', { start, service: 'X'.repeat(150), joinUrl, manageUrl });
    expect(smsSegments(text).segments).toBeLessThanOrEqual(2);
    expect(text).toContain(`${'X'.repeat(37)}...`);
  });
});
