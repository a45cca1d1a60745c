// German strings of the accessibility statement (with its feedback form) and the sign-language page.
export default {
  title: 'Erklärung zur Barrierefreiheit',
  scope:
    'Diese Erklärung gilt für die Videoberatung auf dieser Website: Termin buchen, Termin verwalten und am Videotermin teilnehmen.',
  statusTitle: 'Wie barrierefrei ist das Angebot?',
  status:
    'Das Angebot ist weitgehend mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) vereinbar. Alle Seiten lassen sich mit der Tastatur bedienen, funktionieren mit Bildschirmlesern und werden in jeder Sprache automatisch geprüft.',
  gapsTitle: 'Was ist noch nicht barrierefrei?',
  gaps: [
    'Im Videogespräch gibt es keine automatischen Untertitel. Wenn Sie eine Dolmetschung in Gebärdensprache oder Schrift brauchen, sagen Sie es uns bitte vor dem Termin.',
    'Diese Erklärung beruht auf einer Selbstbewertung. Eine Prüfung durch eine unabhängige Stelle steht noch aus.',
  ],
  prepared: 'Diese Erklärung wurde am 1. Dezember 2026 erstellt.',
  feedbackTitle: 'Barriere melden',
  feedbackIntro:
    'Ist Ihnen eine Barriere aufgefallen? Schreiben Sie uns bitte. Wenn Sie eine Kontaktmöglichkeit angeben, antworten wir Ihnen.',
  message: 'Was hat nicht funktioniert?',
  contact: 'E-Mail-Adresse oder Telefonnummer für eine Antwort (freiwillig)',
  send: 'Meldung senden',
  sending: 'Wird gesendet …',
  sent: 'Vielen Dank! Ihre Meldung ist bei uns angekommen.',
  required: 'Bitte beschreiben Sie kurz die Barriere.',
  otherWays: 'Sie erreichen uns auch so:',
  email: 'E-Mail',
  phone: 'Telefon',
  enforcementTitle: 'Schlichtungsverfahren',
  enforcement:
    'Wenn Sie auf Ihre Meldung keine zufriedenstellende Antwort erhalten, können Sie ein kostenloses Schlichtungsverfahren beantragen.',
  enforcementLink: 'Zur Schlichtungsstelle',
  signTitle: 'Informationen in Deutscher Gebärdensprache',
  signVideo: 'Video in Deutscher Gebärdensprache: So funktioniert die Videoberatung',
  signMissing:
    'Das Video in Gebärdensprache wird gerade vorbereitet. Bitte schauen Sie später wieder vorbei.',
  back: 'Zur Terminbuchung',
};
