// Strings of the join page's first render: appointment, recording notice, join button, in every citizen language (web/src/lang/<lang>/), loaded one language at a time.
import { catalogue } from '../shared/catalogue.ts';

export const STRINGS = catalogue({
  de: () => import('../lang/de/join.ts'),
  en: () => import('../lang/en/join.ts'),
  tr: () => import('../lang/tr/join.ts'),
  ar: () => import('../lang/ar/join.ts'),
  uk: () => import('../lang/uk/join.ts'),
  ru: () => import('../lang/ru/join.ts'),
});
