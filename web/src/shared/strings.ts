// German and English strings shared by the citizen pages: header, language switch, errors.
import type { ApiError } from './api.ts';
import { type Strings, tr } from './i18n.ts';

export const COMMON = {
  de: {
    brand: 'Beratungsraum',
    otherLang: 'English',
    otherLangCode: 'en',
    loading: 'Wird geladen …',
    retry: 'Erneut versuchen',
    network:
      'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
    unavailable: 'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute erneut.',
    limited: 'Zu viele Versuche. Bitte warten Sie einen Moment.',
    failed: 'Das hat leider nicht geklappt. Bitte versuchen Sie es erneut.',
  },
  en: {
    brand: 'Beratungsraum',
    otherLang: 'Deutsch',
    otherLangCode: 'de',
    loading: 'Loading …',
    retry: 'Try again',
    network: 'No connection to the server. Please check your internet connection and try again.',
    unavailable: 'The service is unavailable right now. Please try again in a minute.',
    limited: 'Too many attempts. Please wait a moment.',
    failed: 'Sorry, that did not work. Please try again.',
  },
} satisfies Strings<unknown>;

/** A sentence for an error that has no more specific text on the page. */
export function errorText(error: ApiError): string {
  const s = tr(COMMON);
  if (error.status === 0) return s.network;
  if (error.status === 429) return s.limited;
  if (error.status === 503 || error.status >= 500) return s.unavailable;
  return s.failed;
}
