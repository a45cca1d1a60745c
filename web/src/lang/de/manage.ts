// German strings of the manage page (/m/TOKEN).
export default {
  title: 'Ihr Videotermin',
  notFound: 'Dieser Link ist ungültig oder abgelaufen.',
  bookNew: 'Neuen Termin buchen',
  status: {
    confirmed: 'Gebucht',
    cancelled: 'Abgesagt',
    completed: 'Stattgefunden',
    no_show: 'Nicht wahrgenommen',
  } as Record<string, string>,
  statusLabel: 'Status',
  topic: 'Thema',
  when: 'Termin',
  needsRebooking:
    'Wir müssen diesen Termin leider verschieben. Bitte wählen Sie unten eine neue Zeit. Entschuldigen Sie die Umstände.',
  ics: 'In den Kalender eintragen (.ics)',
  reschedule: 'Termin verschieben',
  cancel: 'Termin absagen',
  cancelAsk: 'Möchten Sie den Termin wirklich absagen?',
  cancelYes: 'Ja, Termin absagen',
  cancelNo: 'Nein, Termin behalten',
  cancelled: 'Ihr Termin wurde abgesagt. Sie erhalten eine Bestätigung per SMS.',
  notChangeable: 'Dieser Termin kann nicht mehr geändert werden.',
  pickNew: 'Neue Zeit wählen',
  moveTo: (when: string) => `Auf ${when} verschieben`,
  moving: 'Wird verschoben …',
  keep: 'Abbrechen',
  moved:
    'Ihr Termin wurde verschoben. Sie erhalten eine SMS mit dem neuen Link; der alte Link gilt nicht mehr.',
  newLink: 'Ihr neuer Link zum Videotermin',
  taken: 'Diese Zeit wurde gerade vergeben. Diese Zeiten sind noch frei:',
  takenNone: 'Diese Zeit wurde gerade vergeben. Bitte wählen Sie eine andere.',
};
