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
  failed: 'Sorry, that did not work. Please try again.',
};
export default strings;
