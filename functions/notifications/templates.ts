// SMS texts in the booking's language: German and English in GSM-7 within two segments, Turkish, Arabic, Ukrainian
// and Russian in UCS-2 within four; links on their own line so phones make them tappable.
import type { Language, OutboxKind } from '../db/database.ts';
import { toGsm7Friendly } from './sms-segments.ts';
import { ar } from './sms-texts/ar.ts';
import { de } from './sms-texts/de.ts';
import { en } from './sms-texts/en.ts';
import { ru } from './sms-texts/ru.ts';
import { tr } from './sms-texts/tr.ts';
import type { SmsWording, WhenParts } from './sms-texts/types.ts';
import { uk } from './sms-texts/uk.ts';

export interface SmsParams {
  start?: Date;
  timeZone?: string;
  service?: string;
  joinUrl?: string;
  manageUrl?: string;
  /** Where to book a new appointment (cancellation). */
  bookUrl?: string;
  minutes?: number;
  /** The language an interpreter is booked for (ISO 639-1, or dgs for German Sign Language). */
  interpretLanguage?: string;
}

export type SmsKind = OutboxKind;

const WORDING: Record<Language, { wording: SmsWording; locale: string }> = {
  de: { wording: de, locale: 'de-DE' },
  en: { wording: en, locale: 'en-GB' },
  tr: { wording: tr, locale: 'tr-TR' },
  ar: { wording: ar, locale: 'ar' },
  uk: { wording: uk, locale: 'uk-UA' },
  ru: { wording: ru, locale: 'ru-RU' },
};

// Creating a formatter costs far more than using one, and a booking renders several texts.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(lang: Language, timeZone: string, withWeekday: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${withWeekday}`;
  let f = formatters.get(key);
  if (!f) {
    const { wording, locale } = WORDING[lang];
    f = new Intl.DateTimeFormat(locale, {
      timeZone,
      // Latin digits in every language: the times must match the web pages and what staff say on the phone.
      numberingSystem: 'latn',
      ...(withWeekday ? { weekday: 'short' as const } : {}),
      day: wording.numericMonth ? '2-digit' : 'numeric',
      month: wording.numericMonth ? '2-digit' : 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f;
}

function partsOf(p: SmsParams, lang: Language, withWeekday: boolean): WhenParts | null {
  if (!p.start) return null;
  const parts = formatterOf(lang, p.timeZone ?? 'Europe/Berlin', withWeekday).formatToParts(p.start);
  const out: Record<string, string> = {};
  for (const part of parts) if (part.type !== 'literal') out[part.type] = part.value.replace(/\.$/, '');
  return {
    weekday: out.weekday ?? '',
    day: out.day ?? '',
    month: out.month ?? '',
    hour: out.hour ?? '',
    minute: out.minute ?? '',
  };
}

/** "Do 03.12. um 10:00 Uhr" / "Thu 3 Dec at 10:00"; built from parts so no locale punctuation sneaks in. */
export function formatWhen(p: SmsParams, lang: Language): string {
  const d = partsOf(p, lang, true);
  return d ? WORDING[lang].wording.when(d) : '';
}

/** " (topic)", cut so the text stays within its segments. */
function serviceLabel(p: SmsParams, max: number): string {
  const name = p.service?.trim();
  if (!name || max === 0) return '';
  const cut = name.length > max ? `${name.slice(0, max - 3)}...` : name;
  return ` (${cut})`;
}

function link(label: string, url: string | undefined): string {
  return url ? `\n${label}:\n${url}` : '';
}

/** Renders one SMS; German and English come out GSM-7 as long as the links and service name are GSM-7. */
export function renderSms(kind: SmsKind, lang: Language, p: SmsParams): string {
  const { wording } = WORDING[lang];
  const time = partsOf(p, lang, false);
  const text = wording.render(kind, {
    when: formatWhen(p, lang),
    time: time ? wording.time(time) : '',
    svc: serviceLabel(p, wording.maxServiceChars),
    minutes: p.minutes ?? 5,
    joinUrl: p.joinUrl,
    manageUrl: p.manageUrl,
    bookUrl: p.bookUrl,
    interpretLanguage: p.interpretLanguage ?? '',
    link,
  });
  return toGsm7Friendly(text);
}

/** The SMS carrying a phone-verification code, in the language the citizen books in. */
export function renderVerificationSms(lang: Language, code: string): string {
  return WORDING[lang].wording.verificationCode(code);
}
