// Strings of the booking page's first render (title, intro, topics), in every citizen language (web/src/lang/<lang>/), loaded one language at a time.
import { catalogue } from '../shared/catalogue.ts';

export const STRINGS = catalogue({
  de: () => import('../lang/de/booking.ts'),
  en: () => import('../lang/en/booking.ts'),
  tr: () => import('../lang/tr/booking.ts'),
  ar: () => import('../lang/ar/booking.ts'),
  uk: () => import('../lang/uk/booking.ts'),
  ru: () => import('../lang/ru/booking.ts'),
});
