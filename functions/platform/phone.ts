// Phone numbers as the SMS gateway needs them: mobile numbers in E.164; German numbers may omit the country code.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: 'invalid' | 'not_mobile' };

/**
 * Normalises a mobile number to E.164.
 * @example normalizeMobilePhone('0151 23456789') // { ok: true, e164: '+4915123456789' }
 */
export function normalizeMobilePhone(input: string): PhoneResult {
  const trimmed = input.trim();
  if (trimmed.length < 3 || trimmed.length > 32 || !/^[+0-9 ()./-]+$/.test(trimmed)) {
    return { ok: false, reason: 'invalid' };
  }
  const parsed = parsePhoneNumberFromString(trimmed.replace(/^00/, '+'), 'DE');
  if (!parsed?.isValid()) return { ok: false, reason: 'invalid' };
  const type = parsed.getType();
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { ok: false, reason: 'not_mobile' };
  return { ok: true, e164: parsed.number };
}
