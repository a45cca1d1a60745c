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
};
