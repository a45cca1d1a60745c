// The citizen pages' languages: names in their own language, writing direction and Intl locale.

export const LANGS = ['de', 'en', 'tr', 'ar', 'uk', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

/** Names in their own language (a citizen looks for their language, not for its German name), direction, locale. */
export const LANG_INFO: Record<Lang, { name: string; dir: 'ltr' | 'rtl'; locale: string }> = {
  de: { name: 'Deutsch', dir: 'ltr', locale: 'de-DE' },
  en: { name: 'English', dir: 'ltr', locale: 'en-GB' },
  tr: { name: 'Türkçe', dir: 'ltr', locale: 'tr-TR' },
  ar: { name: 'العربية', dir: 'rtl', locale: 'ar' },
  uk: { name: 'Українська', dir: 'ltr', locale: 'uk-UA' },
  ru: { name: 'Русский', dir: 'ltr', locale: 'ru-RU' },
};

/**
 * The first language of `wanted` (BCP 47 tags in order of preference) that is offered, else German.
 * @example pickLang(['uk-UA', 'ru', 'en'], LANGS) // 'uk'
 */
export function pickLang(wanted: readonly string[], langs: readonly Lang[]): Lang {
  for (const tag of wanted) {
    const base = tag.toLowerCase().split('-')[0];
    const hit = langs.find((l) => l === base);
    if (hit) return hit;
  }
  return 'de';
}
