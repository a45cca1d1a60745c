// Strings of the accessibility statement and the sign-language page, in every citizen language.
import { catalogue } from '../shared/catalogue.ts';

export const STRINGS = catalogue({
  de: () => import('../lang/de/info.ts'),
  en: () => import('../lang/en/info.ts'),
  tr: () => import('../lang/tr/info.ts'),
  ar: () => import('../lang/ar/info.ts'),
  uk: () => import('../lang/uk/info.ts'),
  ru: () => import('../lang/ru/info.ts'),
});
