// Strings shared by the citizen pages (header, language switch, errors), in every citizen language.
import type { ApiError } from './api.ts';
import { catalogue, tr } from './i18n.ts';

export const COMMON = catalogue({
  de: () => import('../lang/de/common.ts'),
  en: () => import('../lang/en/common.ts'),
  tr: () => import('../lang/tr/common.ts'),
  ar: () => import('../lang/ar/common.ts'),
  uk: () => import('../lang/uk/common.ts'),
  ru: () => import('../lang/ru/common.ts'),
});

/** A sentence for an error that has no more specific text on the page. */
export function errorText(error: ApiError): string {
  const s = tr(COMMON);
  if (error.status === 0) return s.network;
  if (error.status === 429) return s.limits[String(error.body.limit)] ?? s.limited;
  if (error.status === 503 || error.status >= 500) return s.unavailable;
  return s.failed;
}
