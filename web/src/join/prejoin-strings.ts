// Strings of the checks before joining (camera, microphone, data use, join errors), in every citizen language (web/src/lang/<lang>/), loaded one language at a time.
import { catalogue } from '../shared/catalogue.ts';

export const PREJOIN_STRINGS = catalogue({
  de: () => import('../lang/de/join-prejoin.ts'),
  en: () => import('../lang/en/join-prejoin.ts'),
  tr: () => import('../lang/tr/join-prejoin.ts'),
  ar: () => import('../lang/ar/join-prejoin.ts'),
  uk: () => import('../lang/uk/join-prejoin.ts'),
  ru: () => import('../lang/ru/join-prejoin.ts'),
});
