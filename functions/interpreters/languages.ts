// Interpreting languages and what a three-person session weighs against the video capacity; pure.
import * as v from 'valibot';

/** ISO 639-1 (or -2) codes; `dgs` is Deutsche Gebärdensprache, German Sign Language. */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/** An interpreter language in a request (ISO 639-1, or dgs). */
export const InterpreterLanguage = v.pipe(
  v.string(),
  v.regex(LANGUAGE_CODE, 'must be a language code such as tr or dgs'),
);

export const SIGN_LANGUAGES: readonly string[] = ['dgs'];

export function isSignLanguage(code: string): boolean {
  return SIGN_LANGUAGES.includes(code);
}

/**
 * Sessions a three-person session adds on top of its own one. `maxConcurrentSessions` is sized in
 * two-person sessions; a third participant adds one uplink and turns 2 forwarded streams per media
 * kind into 6, so the SFU's load grows by 1.5x to 3x depending on simulcast layers. Counting such a
 * session as 2 sits in that range and keeps the arithmetic in whole sessions (docs/security.md).
 */
export const INTERPRETER_EXTRA_SESSIONS = 1;
