import { describe, expect, it } from 'vitest';
import { DEMO_SERVICES } from '../../functions/app/seed.ts';
import type { Language, OutboxKind } from '../../functions/db/database.ts';
import { smsSegments } from '../../functions/notifications/sms-segments.ts';
import { formatWhen, renderSms, renderVerificationSms } from '../../functions/notifications/templates.ts';
import { localizedService } from '../../functions/services/translations.ts';

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
const LANGS: Language[] = ['de', 'en', 'tr', 'ar', 'uk', 'ru'];
/** German and English stay GSM-7 in two SMS; the other languages need UCS-2 and are allowed four. */
const BUDGET = (lang: Language) =>
  lang === 'de' || lang === 'en' ? { encoding: 'gsm7', segments: 2 } : { encoding: 'ucs2', segments: 4 };
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

  it.each(cases)('%s (%s) fits its segment budget with realistic links', (kind, lang) => {
    // The demo topics' own names in this language too (Cyrillic and Arabic cost more per character).
    const ownLongest = DEMO_SERVICES.map((s) => localizedService(s, lang).name).sort(
      (a, b) => b.length - a.length,
    )[0]!;
    for (const service of [longestService, ownLongest, 'Citizen’s income – Beratung für „Neue“']) {
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
      expect(count.encoding, text).toBe(BUDGET(lang).encoding);
      expect(count.segments, text).toBeLessThanOrEqual(BUDGET(lang).segments);
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
    ['tr', '03.12. Per saat 10:00'],
    ['ar', 'الخميس 03/12 الساعة 10:00'],
    ['uk', 'чт 03.12 о 10:00'],
    ['ru', 'чт 03.12 в 10:00'],
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
    ['confirmation', 'tr', ['onaylandı', joinUrl, manageUrl]],
    ['cancellation', 'ar', ['أُلغي']],
    ['rescheduled', 'uk', ['перенесено', joinUrl]],
    ['running_late', 'ru', ['15 мин', '10:00']],
  ] as const)('%s (%s) says what happened', (kind, lang, needles) => {
    const text = renderSms(kind, lang, { start, joinUrl, manageUrl, minutes: 15 });
    for (const n of needles) expect(text).toContain(n);
  });

  it('without a fresh link, the ready message points to the confirmation SMS', () => {
    expect(renderSms('counsellor_ready', 'de', {})).toContain('Link aus Ihrer Bestätigungs-SMS');
    expect(renderSms('counsellor_ready', 'en', {})).toContain('link from your confirmation SMS');
    expect(renderSms('counsellor_ready', 'en', { joinUrl })).toContain(`\n${joinUrl}`);
  });

  it.each(LANGS)('rebooking without a manage link still fits its segment budget (%s)', (lang) => {
    const text = renderSms('rebooking_needed', lang, { start, service: longestService });
    expect(text).not.toContain('undefined');
    expect(smsSegments(text).encoding).toBe(BUDGET(lang).encoding);
    expect(smsSegments(text).segments).toBeLessThanOrEqual(BUDGET(lang).segments);
  });

  it.each(LANGS)('says something different from German in every kind (%s)', (lang) => {
    for (const kind of KINDS) {
      const text = renderSms(kind, lang, { start, joinUrl, manageUrl, minutes: 15 });
      expect(text.length).toBeGreaterThan(20);
      if (lang !== 'de')
        expect(text).not.toBe(renderSms(kind, 'de', { start, joinUrl, manageUrl, minutes: 15 }));
    }
  });

  it('cuts very long service names instead of growing a third segment', () => {
    const text = renderSms('confirmation', 'de', { start, service: 'X'.repeat(150), joinUrl, manageUrl });
    expect(smsSegments(text).segments).toBeLessThanOrEqual(2);
    expect(text).toContain(`${'X'.repeat(37)}...`);
  });

  it.each(LANGS)('sends the phone-verification code in one SMS in the booking language (%s)', (lang) => {
    const text = renderVerificationSms(lang, '042917');
    expect(text).toContain('042917');
    expect(smsSegments(text)).toMatchObject({ encoding: BUDGET(lang).encoding, segments: 1 });
    if (lang !== 'de') expect(text).not.toBe(renderVerificationSms('de', '042917'));
  });
});
