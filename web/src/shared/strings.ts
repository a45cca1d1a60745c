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
    limits: {
      'booking-client':
        'Von Ihrer Verbindung wurden gerade viele Termine gebucht. Bitte versuchen Sie es später erneut oder rufen Sie uns an.',
      'booking-service-day':
        'Für dieses Thema sind heute keine Online-Buchungen mehr möglich. Bitte versuchen Sie es morgen oder rufen Sie uns an.',
      'phone-active':
        'Für diese Mobilnummer sind schon so viele Termine gebucht, wie möglich sind. Bitte sagen Sie einen ab oder warten Sie, bis er stattgefunden hat.',
      'phone-daily':
        'Für diese Mobilnummer wurden heute schon mehrere Termine gebucht. Bitte versuchen Sie es morgen erneut.',
    } as Record<string, string>,
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
    limits: {
      'booking-client':
        'Many appointments were just booked from your connection. Please try again later or call us.',
      'booking-service-day':
        'No more online bookings for this topic today. Please try again tomorrow or call us.',
      'phone-active':
        'This mobile number already has as many appointments as we allow. Please cancel one or wait until it has taken place.',
      'phone-daily':
        'Several appointments were booked for this mobile number today. Please try again tomorrow.',
    } as Record<string, string>,
    failed: 'Sorry, that did not work. Please try again.',
  },
} satisfies Strings<unknown>;

/** A sentence for an error that has no more specific text on the page. */
export function errorText(error: ApiError): string {
  const s = tr(COMMON);
  if (error.status === 0) return s.network;
  if (error.status === 429) return s.limits[String(error.body.limit)] ?? s.limited;
  if (error.status === 503 || error.status >= 500) return s.unavailable;
  return s.failed;
}
