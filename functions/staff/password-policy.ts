// Password rules for staff-chosen passwords: length, not the e-mail, not a common or trivially built one.
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const MIN_PASSWORD_LENGTH = 10;

export type PasswordVerdict = { ok: true } | { ok: false; reason: 'too_short' | 'common' | 'contains_email' };

/** Folds case, leet digits and trailing digits/symbols, so "Passwort123!" counts as "passwort". */
function normalize(password: string): string {
  return password
    .toLowerCase()
    .replace(/[0-9!?.#*_\- ]+$/, '')
    .replaceAll('@', 'a')
    .replaceAll('0', 'o')
    .replaceAll('1', 'i')
    .replaceAll('3', 'e')
    .replaceAll('$', 's');
}

/**
 * Checks a new password (NIST SP 800-63B: length and a blocklist, no composition rules).
 * @example checkPassword('Sommer2024!', 'a@b.de') → { ok: false, reason: 'common' }
 */
export function checkPassword(password: string, email: string): PasswordVerdict {
  if ([...password].length < MIN_PASSWORD_LENGTH) return { ok: false, reason: 'too_short' };
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 3 && lower.includes(local)) return { ok: false, reason: 'contains_email' };
  const folded = normalize(password);
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(folded)) return { ok: false, reason: 'common' };
  if (/^(.)\1+$/.test(lower) || /^(.{1,3})\1+$/.test(lower)) return { ok: false, reason: 'common' };
  if ('abcdefghijklmnopqrstuvwxyz0123456789qwertzuiopasdfghjklyxcvbnm'.includes(lower))
    return { ok: false, reason: 'common' };
  return { ok: true };
}
