// Picks the request's language from `?lang=` or Accept-Language among those offered; German first.
import type { Context } from 'hono';
import { LANGUAGES, type Language, type StaffLanguage } from '../db/database.ts';

export type Lang = Language;

const STAFF_LANGUAGES: readonly StaffLanguage[] = ['de', 'en'];

/**
 * The best offered language for a request; regional tags count for their language.
 * @example pickLanguage(c) // 'uk' for "Accept-Language: uk-UA,uk;q=0.9,en;q=0.5"
 */
export function pickLanguage<L extends Language = Language>(
  c: Context,
  offered: readonly L[] = LANGUAGES as readonly Language[] as readonly L[],
): L {
  const q = c.req.query('lang');
  const asked = offered.find((l) => l === q);
  if (asked) return asked;
  const header = c.req.header('accept-language') ?? '';
  let best: { lang: L; q: number } = { lang: 'de' as L, q: -1 };
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const weight = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? '1');
    const lang = offered.find((l) => l === tag?.split('-')[0]);
    if (lang && Number.isFinite(weight) && weight > best.q) best = { lang, q: weight };
  }
  return best.lang;
}

/** German or English for the staff pages and the staff API. */
export function pickStaffLanguage(c: Context): StaffLanguage {
  return pickLanguage(c, STAFF_LANGUAGES);
}
