// German strings of the month calendar and the day's times.
export default {
  prevMonth: 'Vorheriger Monat',
  nextMonth: 'Nächster Monat',
  noFree: 'In diesem Monat ist kein Termin mehr frei.',
  freeCount: (n: number) => (n === 1 ? '1 freier Termin' : `${n} freie Termine`),
  legend:
    'Tage mit freien Terminen sind hervorgehoben. Punkte zeigen, wie viel frei ist: • wenig, •• einiges, ••• viel.',
  timesOn: (day: string) => `Freie Uhrzeiten am ${day}`,
  hint: 'Pfeiltasten wechseln den Tag.',
};
