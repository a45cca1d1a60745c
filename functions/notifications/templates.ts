// SMS texts in German and English: GSM-7 only, at most two segments, links on their own line so phones make them tappable.
import type { Language, OutboxKind } from '../db/database.ts';
import { toGsm7Friendly } from './sms-segments.ts';

export interface SmsParams {
  start?: Date;
  timeZone?: string;
  service?: string;
  joinUrl?: string;
  manageUrl?: string;
  /** Where to book a new appointment (cancellation). */
  bookUrl?: string;
  minutes?: number;
}

export type SmsKind = OutboxKind;

/** Longest service name put into an SMS; longer names are cut so the text stays within two segments. */
const MAX_SERVICE_CHARS = 40;

// Creating a formatter costs far more than using one, and a booking renders several texts.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(lang: Language, timeZone: string, withWeekday: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${withWeekday}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
      timeZone,
      ...(withWeekday ? { weekday: 'short' as const } : {}),
      day: lang === 'de' ? '2-digit' : 'numeric',
      month: lang === 'de' ? '2-digit' : 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f;
}

function partsOf(p: SmsParams, lang: Language, withWeekday: boolean): Record<string, string> {
  if (!p.start) return {};
  const parts = formatterOf(lang, p.timeZone ?? 'Europe/Berlin', withWeekday).formatToParts(p.start);
  const out: Record<string, string> = {};
  for (const part of parts) if (part.type !== 'literal') out[part.type] = part.value.replace(/\.$/, '');
  return out;
}

/** "Do 03.12. um 10:00 Uhr" / "Thu 3 Dec at 10:00"; built from parts so no locale punctuation sneaks in. */
export function formatWhen(p: SmsParams, lang: Language): string {
  const d = partsOf(p, lang, true);
  if (!d.day) return '';
  return lang === 'de'
    ? `${d.weekday} ${d.day}.${d.month}. um ${d.hour}:${d.minute} Uhr`
    : `${d.weekday} ${d.day} ${d.month} at ${d.hour}:${d.minute}`;
}

function formatTime(p: SmsParams, lang: Language): string {
  const d = partsOf(p, lang, false);
  if (!d.hour) return '';
  return lang === 'de' ? `${d.hour}:${d.minute} Uhr` : `${d.hour}:${d.minute}`;
}

function serviceLabel(p: SmsParams): string {
  const name = p.service?.trim();
  if (!name) return '';
  const cut = name.length > MAX_SERVICE_CHARS ? `${name.slice(0, MAX_SERVICE_CHARS - 3)}...` : name;
  return ` (${cut})`;
}

function link(label: string, url: string | undefined): string {
  return url ? `\n${label}:\n${url}` : '';
}

function renderDe(kind: SmsKind, p: SmsParams): string {
  const when = formatWhen(p, 'de');
  const svc = serviceLabel(p);
  switch (kind) {
    case 'confirmation':
      return `Ihr Videotermin${svc} am ${when} ist bestätigt.${link('Teilnehmen', p.joinUrl)}${link('Ändern oder absagen', p.manageUrl)}`;
    case 'reminder':
      return `Erinnerung: Ihr Videotermin${svc} am ${when}.${link('Teilnehmen', p.joinUrl)}${link('Absagen', p.manageUrl)}`;
    case 'cancellation':
      return `Ihr Videotermin${svc} am ${when} wurde abgesagt.${link('Neuen Termin buchen', p.bookUrl)}`;
    case 'rescheduled':
      return `Ihr Videotermin${svc} wurde verlegt auf ${when}.${link('Teilnehmen', p.joinUrl)}${link('Ändern oder absagen', p.manageUrl)}`;
    case 'counsellor_ready':
      return p.joinUrl
        ? `Ihre Beraterin oder Ihr Berater ist jetzt bereit.${link('Jetzt teilnehmen', p.joinUrl)}`
        : 'Ihre Beraterin oder Ihr Berater ist jetzt bereit. Bitte öffnen Sie den Link aus Ihrer Bestätigungs-SMS.';
    case 'running_late':
      return `Ihr Videotermin um ${formatTime(p, 'de')} beginnt etwa ${p.minutes ?? 5} Minuten später. Bitte bleiben Sie im Warteraum oder kommen Sie etwas später.`;
    case 'adhoc_link':
      return `Ihr Videogespräch beginnt jetzt.${link('Teilnehmen', p.joinUrl)}`;
    case 'rebooking_needed':
      return p.manageUrl
        ? `Ihr Videotermin${svc} am ${when} muss leider verlegt werden. Bitte wählen Sie einen neuen Termin:\n${p.manageUrl}`
        : `Ihr Videotermin${svc} am ${when} muss leider verlegt werden. Bitte wählen Sie über den Link zum Ändern aus Ihrer Bestätigungs-SMS einen neuen Termin.`;
  }
}

function renderEn(kind: SmsKind, p: SmsParams): string {
  const when = formatWhen(p, 'en');
  const svc = serviceLabel(p);
  switch (kind) {
    case 'confirmation':
      return `Your video appointment${svc} on ${when} is confirmed.${link('Join', p.joinUrl)}${link('Change or cancel', p.manageUrl)}`;
    case 'reminder':
      return `Reminder: your video appointment${svc} on ${when}.${link('Join', p.joinUrl)}${link('Cancel', p.manageUrl)}`;
    case 'cancellation':
      return `Your video appointment${svc} on ${when} was cancelled.${link('Book a new one', p.bookUrl)}`;
    case 'rescheduled':
      return `Your video appointment${svc} was moved to ${when}.${link('Join', p.joinUrl)}${link('Change or cancel', p.manageUrl)}`;
    case 'counsellor_ready':
      return p.joinUrl
        ? `Your counsellor is ready now.${link('Join now', p.joinUrl)}`
        : 'Your counsellor is ready now. Please open the link from your confirmation SMS.';
    case 'running_late':
      return `Your counsellor is running about ${p.minutes ?? 5} minutes late for your ${formatTime(p, 'en')} video appointment. Please stay in the waiting room or join a little later.`;
    case 'adhoc_link':
      return `Your video call starts now.${link('Join', p.joinUrl)}`;
    case 'rebooking_needed':
      return p.manageUrl
        ? `Your video appointment${svc} on ${when} has to be moved. Please choose a new time:\n${p.manageUrl}`
        : `Your video appointment${svc} on ${when} has to be moved. Please choose a new time with the change link from your confirmation SMS.`;
  }
}

/** Renders one SMS; the result contains only GSM-7 characters as long as the links and service name are GSM-7. */
export function renderSms(kind: SmsKind, lang: Language, p: SmsParams): string {
  return toGsm7Friendly(lang === 'de' ? renderDe(kind, p) : renderEn(kind, p));
}
