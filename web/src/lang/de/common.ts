// German strings shared by the citizen pages: header, language switch, errors.
export default {
  language: 'Sprache',
  accessibility: 'Erklärung zur Barrierefreiheit',
  signLanguage: 'Gebärdensprache',
  loading: 'Wird geladen …',
  retry: 'Erneut versuchen',
  network:
    'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',
  unavailable: 'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute erneut.',
  limited: 'Zu viele Versuche. Bitte warten Sie einen Moment.',
  failed: 'Das hat leider nicht geklappt. Bitte versuchen Sie es erneut.',
};
