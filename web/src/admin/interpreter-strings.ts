// German and English strings of the operator's interpreters page.
import type { Strings } from '../shared/i18n.ts';

export const INTERPRETERS: Strings<{
  title: string;
  intro: string;
  name: string;
  phone: string;
  email: string;
  languages: string;
  languagesHint: string;
  hours: string;
  hoursHint: string;
  weekdays: readonly string[];
  active: string;
  inactive: string;
  edit: string;
  editOf: (name: string) => string;
  add: string;
  none: string;
  saved: (flagged: number) => string;
  badHours: (day: string) => string;
}> = {
  de: {
    title: 'Dolmetscherinnen und Dolmetscher',
    intro:
      'Bürgerinnen und Bürger können beim Buchen eine Sprache oder Gebärdensprache wählen, wenn hier jemand mit dieser Sprache zu der Zeit arbeitet. Der Link zum Termin kommt per SMS.',
    name: 'Name',
    phone: 'Mobilnummer (für den Link per SMS)',
    email: 'E-Mail (freiwillig)',
    languages: 'Sprachen',
    languagesHint: 'Sprachcodes mit Komma, z. B. tr, ar, uk, ru; dgs für Deutsche Gebärdensprache.',
    hours: 'Arbeitszeiten',
    hoursHint: 'Je Tag z. B. 08:00-12:00, 13:00-16:00; leer heißt: an diesem Tag nicht.',
    weekdays: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
    active: 'Aktiv',
    inactive: 'inaktiv',
    edit: 'Bearbeiten',
    editOf: (name) => `${name} bearbeiten`,
    add: 'Dolmetscher/in hinzufügen',
    none: 'Noch niemand eingetragen.',
    saved: (n) => (n ? `Gespeichert. ${n} Termin(e) zum Umbuchen markiert.` : 'Gespeichert.'),
    badHours: (day) => `${day}: bitte Zeiten als 08:00-12:00 angeben.`,
  },
  en: {
    title: 'Interpreters',
    intro:
      'Citizens can ask for a language or sign language when booking if someone with that language works here at that time. The link to the appointment goes by SMS.',
    name: 'Name',
    phone: 'Mobile number (for the link by SMS)',
    email: 'E-mail (optional)',
    languages: 'Languages',
    languagesHint: 'Language codes separated by commas, e.g. tr, ar, uk, ru; dgs for German Sign Language.',
    hours: 'Working hours',
    hoursHint: 'Per day e.g. 08:00-12:00, 13:00-16:00; empty means not on that day.',
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    active: 'Active',
    inactive: 'inactive',
    edit: 'Edit',
    editOf: (name) => `Edit ${name}`,
    add: 'Add interpreter',
    none: 'Nobody added yet.',
    saved: (n) => (n ? `Saved. ${n} appointment(s) marked for rebooking.` : 'Saved.'),
    badHours: (day) => `${day}: please give times as 08:00-12:00.`,
  },
};
