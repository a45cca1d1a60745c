// Counts SMS segments (GSM 03.38 7-bit with its extension table, or UCS-2) and keeps texts GSM-7 where possible.

const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// Reached through the escape character, so each costs two septets.
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsSegmentCount {
  encoding: SmsEncoding;
  /** Number of SMS the text is billed and sent as (an empty text still is one SMS). */
  segments: number;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
}

const LIMITS = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
} as const;

/**
 * How a text travels as SMS. Escape pairs (GSM-7) and surrogate pairs (UCS-2) are never
 * split across segments, as real encoders do.
 * @example smsSegments('Hallo Jürgen') // { encoding: 'gsm7', segments: 1, units: 12 }
 * @example smsSegments('Preis: 5 €') // { encoding: 'gsm7', segments: 1, units: 11 }
 */
export function smsSegments(text: string): SmsSegmentCount {
  const chars = Array.from(text);
  const gsm = chars.every((ch) => BASIC.has(ch) || EXTENSION.has(ch));
  const encoding: SmsEncoding = gsm ? 'gsm7' : 'ucs2';
  const widths = chars.map((ch) => (gsm ? (EXTENSION.has(ch) ? 2 : 1) : ch.length));
  const units = widths.reduce((a, b) => a + b, 0);
  const limit = LIMITS[encoding];
  if (units <= limit.single) return { encoding, segments: 1, units };
  let segments = 1;
  let used = 0;
  for (const w of widths) {
    if (used + w > limit.part) {
      segments += 1;
      used = 0;
    }
    used += w;
  }
  return { encoding, segments, units };
}

/** True if every character can be sent as GSM-7 (basic or extension table). */
export function isGsm7(text: string): boolean {
  return Array.from(text).every((ch) => BASIC.has(ch) || EXTENSION.has(ch));
}

const REPLACEMENTS: Record<string, string> = {
  '„': '"',
  '“': '"',
  '”': '"',
  '‚': "'",
  '‘': "'",
  '’': "'",
  '´': "'",
  '`': "'",
  '–': '-',
  '—': '-',
  '‑': '-',
  '…': '...',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '«': '"',
  '»': '"',
};

/**
 * Replaces typographic characters that would force the whole SMS into UCS-2 (70 characters
 * per segment) by their GSM-7 look-alikes; anything else is left as it is.
 * @example toGsm7Friendly('Citizen’s income – Beratung') // "Citizen's income - Beratung"
 */
export function toGsm7Friendly(text: string): string {
  let out = '';
  for (const ch of text) out += REPLACEMENTS[ch] ?? ch;
  return out;
}
