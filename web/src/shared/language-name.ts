// An interpreting language's name in the page language (Intl knows them all); sign language has its own string.
import { lang } from './i18n.ts';

/** @example languageName('tr', 'Gebärdensprache') // 'Türkisch' on a German page */
export function languageName(code: string, signLanguage: string): string {
  if (code === 'dgs') return signLanguage;
  try {
    return new Intl.DisplayNames([lang.value], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
