// Strings of the call and the survey after it (loaded with the call view), in every citizen language (web/src/lang/<lang>/), loaded one language at a time.
import { catalogue } from '../shared/catalogue.ts';

export const CALL_STRINGS = catalogue({
  de: () => import('../lang/de/join-call.ts'),
  en: () => import('../lang/en/join-call.ts'),
  tr: () => import('../lang/tr/join-call.ts'),
  ar: () => import('../lang/ar/join-call.ts'),
  uk: () => import('../lang/uk/join-call.ts'),
  ru: () => import('../lang/ru/join-call.ts'),
});
