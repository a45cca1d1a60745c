// German and English strings of the operator's closing-days page.
import type { Strings } from '../shared/i18n.ts';

export const CLOSING = {
  de: {
    title: 'Schließtage und Feiertage',
    intro:
      'An Feiertagen und Schließtagen gibt es keine Termine. Ein neuer Schließtag markiert die Termine an diesem Tag zum Umbuchen; sie bleiben bestehen, bis sie verlegt oder abgesagt sind.',
    date: 'Datum',
    site: 'Standort',
    allSites: 'Ganze Behörde',
    reason: 'Anlass (freiwillig)',
    add: 'Schließtag eintragen',
    remove: 'Entfernen',
    added: (n: number) => `Eingetragen. ${n} Termin(e) zum Umbuchen markiert.`,
    none: 'Keine Schließtage eingetragen.',
    holidays: 'Gesetzliche Feiertage',
    nationwide: 'bundesweit',
    defaultRegion: 'Standard',
  },
  en: {
    title: 'Closing days and public holidays',
    intro:
      'There are no appointments on public holidays and closing days. A new closing day flags that day’s appointments for rebooking; they stay until they are moved or cancelled.',
    date: 'Date',
    site: 'Site',
    allSites: 'Whole agency',
    reason: 'Occasion (optional)',
    add: 'Add closing day',
    remove: 'Remove',
    added: (n: number) => `Added. ${n} appointment(s) flagged for rebooking.`,
    none: 'No closing days.',
    holidays: 'Public holidays',
    nationwide: 'nationwide',
    defaultRegion: 'default',
  },
} satisfies Strings<{
  title: string;
  intro: string;
  date: string;
  site: string;
  allSites: string;
  reason: string;
  add: string;
  remove: string;
  added: (n: number) => string;
  none: string;
  holidays: string;
  nationwide: string;
  defaultRegion: string;
}>;
