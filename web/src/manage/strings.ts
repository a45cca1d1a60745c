// Strings of the manage page (/m/TOKEN), in every citizen language (web/src/lang/<lang>/), loaded one language at a time.
import { catalogue } from '../shared/catalogue.ts';

export const STRINGS = catalogue({
  de: () => import('../lang/de/manage.ts'),
  en: () => import('../lang/en/manage.ts'),
  tr: () => import('../lang/tr/manage.ts'),
  ar: () => import('../lang/ar/manage.ts'),
  uk: () => import('../lang/uk/manage.ts'),
  ru: () => import('../lang/ru/manage.ts'),
});
