// Strings of the booking steps after the topic (calendar, form, confirmation), in every citizen language (web/src/lang/<lang>/), loaded one language at a time.
import { catalogue } from '../shared/catalogue.ts';

export const FLOW_STRINGS = catalogue({
  de: () => import('../lang/de/booking-flow.ts'),
  en: () => import('../lang/en/booking-flow.ts'),
  tr: () => import('../lang/tr/booking-flow.ts'),
  ar: () => import('../lang/ar/booking-flow.ts'),
  uk: () => import('../lang/uk/booking-flow.ts'),
  ru: () => import('../lang/ru/booking-flow.ts'),
});
