import { describe, expect, it } from 'vitest';
import { isGsm7, smsSegments, toGsm7Friendly } from '../../functions/notifications/sms-segments.ts';

describe('smsSegments', () => {
  it.each([
    ['empty text is one GSM-7 message', '', 'gsm7', 1, 0],
    ['plain ASCII', 'Hallo', 'gsm7', 1, 5],
    ['German umlauts and ß stay GSM-7', 'Bestätigung für Jürgen Öß', 'gsm7', 1, 25],
    ['160 septets fit one segment', 'a'.repeat(160), 'gsm7', 1, 160],
    ['161 septets need two segments of 153', 'a'.repeat(161), 'gsm7', 2, 161],
    ['306 septets fit two segments', 'a'.repeat(306), 'gsm7', 2, 306],
    ['307 septets need three', 'a'.repeat(307), 'gsm7', 3, 307],
    ['euro sign counts double', '€', 'gsm7', 1, 2],
    ['extension characters count double', '[]{}|^~\\', 'gsm7', 1, 16],
    ['80 euro signs are exactly 160 septets', '€'.repeat(80), 'gsm7', 1, 160],
    ['81 euro signs spill into a second segment', '€'.repeat(81), 'gsm7', 2, 162],
    ['newline is one septet', 'a\nb', 'gsm7', 1, 3],
    ['German typographic quotes force UCS-2', '„Hallo“', 'ucs2', 1, 7],
    ['en dash forces UCS-2', 'a – b', 'ucs2', 1, 5],
    ['70 UCS-2 units fit one segment', `–${'a'.repeat(69)}`, 'ucs2', 1, 70],
    ['71 UCS-2 units need two segments of 67', `–${'a'.repeat(70)}`, 'ucs2', 2, 71],
    ['an emoji is two UCS-2 units', '😀', 'ucs2', 1, 2],
    ['lower-case ç is not GSM-7 (only Ç is)', 'ç', 'ucs2', 1, 1],
  ])('%s', (_name, text, encoding, segments, units) => {
    expect(smsSegments(text)).toEqual({ encoding, segments, units });
  });

  it('does not split an escape pair across segments', () => {
    // 152 septets, then a two-septet euro: it cannot share the first 153-septet segment.
    const text = `${'a'.repeat(152)}€${'a'.repeat(10)}`;
    expect(smsSegments(text)).toEqual({ encoding: 'gsm7', segments: 2, units: 164 });
    // 306 septets would fit two segments if the pair could be split.
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({
      encoding: 'gsm7',
      segments: 3,
      units: 306,
    });
    expect(smsSegments(`${'a'.repeat(151)}€${'a'.repeat(151)}`).segments).toBe(2);
  });

  it('does not split a surrogate pair across segments', () => {
    // 134 units would fit two segments if the pair could be split.
    expect(smsSegments(`${'–'.repeat(66)}😀${'a'.repeat(66)}`)).toEqual({
      encoding: 'ucs2',
      segments: 3,
      units: 134,
    });
    expect(smsSegments(`${'–'.repeat(65)}😀${'a'.repeat(67)}`).segments).toBe(2);
  });
});

describe('toGsm7Friendly', () => {
  it.each([
    ['„Termin“ – jetzt…', '"Termin" - jetzt...'],
    ['Citizen’s income', "Citizen's income"],
    ['10\u00a0Uhr', '10 Uhr'],
    ['Ärger ändert nichts', 'Ärger ändert nichts'],
  ])('turns %j into GSM-7 text', (input, output) => {
    expect(toGsm7Friendly(input)).toBe(output);
    expect(isGsm7(toGsm7Friendly(input))).toBe(true);
  });

  it('leaves characters without a look-alike alone', () => {
    expect(toGsm7Friendly('Łódź')).toBe('Łódź');
  });
});
