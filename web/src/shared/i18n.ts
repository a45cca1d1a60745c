// The page language (German first, English selectable, remembered) and date/time formatting in the service's zone.
import { signal } from '@preact/signals';

export type Lang = 'de' | 'en';
export type Strings<T> = Record<Lang, T>;

export const TIME_ZONE = 'Europe/Berlin';

function initialLang(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'de' || q === 'en') return q;
  try {
    const saved = localStorage.getItem('lang');
    if (saved === 'de' || saved === 'en') return saved;
  } catch {
    // Storage may be blocked; German is the default.
  }
  return 'de';
}

export const lang = signal<Lang>(initialLang());

/** Switches the language, remembers it and keeps `<html lang>` right for screen readers. */
export function setLang(next: Lang): void {
  lang.value = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem('lang', next);
  } catch {
    // Not remembered; the page still switches.
  }
}
document.documentElement.lang = lang.value;

/** The strings of the current language; reading it inside a component re-renders on a switch. */
export function tr<T>(strings: Strings<T>): T {
  return strings[lang.value];
}

function format(iso: string | Date, options: Intl.DateTimeFormatOptions, timeZone = TIME_ZONE): string {
  return new Intl.DateTimeFormat(lang.value === 'de' ? 'de-DE' : 'en-GB', { timeZone, ...options }).format(
    typeof iso === 'string' ? new Date(iso) : iso,
  );
}

/** "Donnerstag, 3. Dezember 2026" */
export function formatDate(iso: string | Date, timeZone?: string): string {
  return format(iso, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, timeZone);
}

/** "09:30" */
export function formatTime(iso: string | Date, timeZone?: string): string {
  return format(iso, { hour: '2-digit', minute: '2-digit' }, timeZone);
}

/** A plain date (YYYY-MM-DD) as "Donnerstag, 3. Dezember"; noon UTC keeps the day in every zone. */
export function formatDay(date: string, withYear = false): string {
  return format(
    `${date}T12:00:00Z`,
    { weekday: 'long', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}) },
    'UTC',
  );
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone = TIME_ZONE, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
