// The request's language: Hono's language detector (`?lang=`, then Accept-Language), German when none is offered.
import type { Context, MiddlewareHandler } from 'hono';
import { type DetectorOptions, detectFromHeader, detectFromQuery, languageDetector } from 'hono/language';
import { LANGUAGES, type Language, type StaffLanguage } from '../db/database.ts';
import type { AppEnv } from './context.ts';

export type Lang = Language;

const STAFF_LANGUAGES: readonly StaffLanguage[] = ['de', 'en'];

/** Nothing is remembered in a cookie: the citizen's choice travels in the link (`?lang=`) or the browser's header. */
function detectorOptions(supported: readonly string[]): DetectorOptions {
  return {
    order: ['querystring', 'header'],
    lookupQueryString: 'lang',
    lookupCookie: 'language',
    lookupFromHeaderKey: 'accept-language',
    lookupFromPathIndex: 0,
    caches: false,
    ignoreCase: true,
    fallbackLanguage: 'de',
    supportedLanguages: [...supported],
    cookieOptions: {},
    debug: false,
  };
}

const CITIZEN_OPTIONS = detectorOptions(LANGUAGES);
const STAFF_OPTIONS = detectorOptions(STAFF_LANGUAGES);

/** Sets `c.var.language` to the best of the six citizen languages; regional tags count for their language. */
export function detectLanguage(): MiddlewareHandler<AppEnv> {
  return languageDetector(CITIZEN_OPTIONS) as MiddlewareHandler<AppEnv>;
}

/**
 * The citizen language of the request (set by `detectLanguage`).
 * @example pickLanguage(c) // 'uk' for "Accept-Language: uk-UA,uk;q=0.9,en;q=0.5"
 */
export function pickLanguage(c: Context<AppEnv>): Language {
  return c.get('language');
}

/** German or English for the staff pages and the staff API, by the same precedence. */
export function pickStaffLanguage(c: Context): StaffLanguage {
  return (detectFromQuery(c, STAFF_OPTIONS) ?? detectFromHeader(c, STAFF_OPTIONS) ?? 'de') as StaffLanguage;
}
