// The page language (from ?lang=, the remembered choice or the browser's languages), the per-language string
// catalogues that load only the chosen language, and date/time formatting in the service's zone.
import { signal } from '@preact/signals';
import { type Catalogue, loadCatalogues } from './catalogue.ts';
import { LANG_INFO, LANGS, type Lang, pickLang } from './langs.ts';

export { catalogue } from './catalogue.ts';
export { LANG_INFO, LANGS, type Lang } from './langs.ts';

/** The staff pages' languages; their strings are plain records of both. */
export type StaffLang = 'de' | 'en';
export type Strings<T> = Record<StaffLang, T>;

export const TIME_ZONE = 'Europe/Berlin';

/** The languages this page offers: the page HTML names them, the citizen pages offer all. */
function offered(): readonly Lang[] {
  const listed = document.documentElement.dataset.langs?.split(' ');
  return listed ? LANGS.filter((l) => listed.includes(l)) : LANGS;
}

function initialLang(): Lang {
  const langs = offered();
  const asked = new URLSearchParams(location.search).get('lang');
  let saved: string | null = null;
  try {
    saved = localStorage.getItem('lang');
  } catch {
    // Storage may be blocked; the browser's languages still count.
  }
  // A link with ?lang= wins, then the citizen's own earlier choice, then what the browser asks for. Staff pages
  // (with their own list) stay German first: the agency's working language, English only when chosen.
  const browser = document.documentElement.dataset.langs ? [] : (navigator.languages ?? [navigator.language]);
  return pickLang([asked ?? '', saved ?? '', ...browser], langs);
}

export const lang = signal<Lang>(initialLang());

function applyToDocument(l: Lang): void {
  document.documentElement.lang = l;
  document.documentElement.dir = LANG_INFO[l].dir;
}
applyToDocument(lang.value);

/** Resolves once every catalogue evaluated so far has the current language; await it before rendering a part. */
export function stringsReady(): Promise<void> {
  return loadCatalogues(lang.value);
}

/** Switches the language once its strings are there, remembers it and keeps `<html lang dir>` right. */
export async function setLang(next: Lang): Promise<void> {
  await loadCatalogues(next);
  lang.value = next;
  applyToDocument(next);
  try {
    localStorage.setItem('lang', next);
  } catch {
    // Not remembered; the page still switches.
  }
}

/** The strings of the current language; reading it inside a component re-renders on a switch. */
export function tr<T>(strings: Catalogue<T> | Strings<T>): T {
  const l = lang.value;
  if ('loaders' in strings) {
    const s = (strings as Catalogue<T>).loaded[l];
    if (s === undefined) throw new Error(`strings for ${l} used before stringsReady()`);
    return s;
  }
  return (strings as Strings<T>)[l === 'en' ? 'en' : 'de'];
}

/** The Intl locale of the current language. */
export function locale(): string {
  return LANG_INFO[lang.value].locale;
}

function format(iso: string | Date, options: Intl.DateTimeFormatOptions, timeZone = TIME_ZONE): string {
  // Latin digits everywhere: times must match the SMS and what the counsellor says on the phone.
  return new Intl.DateTimeFormat(locale(), { timeZone, numberingSystem: 'latn', ...options }).format(
    typeof iso === 'string' ? new Date(iso) : iso,
  );
}

/** "Donnerstag, 3. Dezember 2026" */
export function formatDate(iso: string | Date, timeZone?: string): string {
  return format(iso, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, timeZone);
}

/** "09:30" */
export function formatTime(iso: string | Date, timeZone?: string): string {
  return format(iso, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, timeZone);
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

/** A lazily imported part, resolved only once its strings (registered on import) are there too. */
export function withStrings<T>(load: Promise<T>): Promise<T> {
  return load.then(async (mod) => {
    await stringsReady();
    return mod;
  });
}
