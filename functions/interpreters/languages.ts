// Interpreting languages and what a three-person session weighs against the video capacity; pure.

export { InterpreterLanguage, LANGUAGE_CODE } from '../../contract/shared.ts';

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
