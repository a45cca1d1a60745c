// English strings shared by the citizen pages: header, language switch, errors.
import type de from '../de/common.ts';

const strings: typeof de = {
  language: 'Language',
  accessibility: 'Accessibility statement',
  signLanguage: 'Sign language',
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
};
export default strings;
