// A topic's name and description in the citizen's language: German and English columns, the other four from
// the operators' translations, German where a translation is missing.
import type { Language, Service, ServiceTranslations } from '../db/database.ts';

export const TRANSLATED_LANGUAGES = ['tr', 'ar', 'uk', 'ru'] as const;

export type NamedService = Pick<Service, 'name_de' | 'name_en'> &
  Partial<Pick<Service, 'description_de' | 'description_en'>> & { translations?: ServiceTranslations };

/**
 * The topic as a citizen of `lang` reads it.
 * @example localizedService({ name_de: 'Bürgergeld', name_en: 'Citizen’s income', translations: {} }, 'tr')
 *   // -> { name: 'Bürgergeld', description: '' }
 */
export function localizedService(s: NamedService, lang: Language): { name: string; description: string } {
  if (lang === 'de') return { name: s.name_de, description: s.description_de ?? '' };
  if (lang === 'en') return { name: s.name_en, description: s.description_en ?? '' };
  const t = s.translations?.[lang];
  // A translated name with no translated description still shows the German description, not none.
  return { name: t?.name || s.name_de, description: t?.description || (s.description_de ?? '') };
}
