// The valibot pieces the whole contract shares: ids, instants, dates, languages, federal states.
import * as v from 'valibot';

/** Languages of the citizen pages and messages. */
export const LANGUAGES = ['de', 'en', 'tr', 'ar', 'uk', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The sixteen German federal states by their ISO 3166-2 suffix; each has its own public holidays. */
export const FEDERAL_STATES = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
] as const;
export type FederalState = (typeof FEDERAL_STATES)[number];

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** ISO 639-1 (or -2) codes; `dgs` is Deutsche Gebärdensprache, German Sign Language. */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/** A UUID in a body, query or path. */
export const Uuid = (message = 'must be an id') => v.pipe(v.string(), v.uuid(message));

/** A service id (lower-case slug). */
export const ServiceId = v.pipe(v.string(), v.regex(SERVICE_ID, 'must be a service id'));

/** An ISO 8601 date-time with an offset in a request, as an instant. */
export const Instant = v.pipe(
  v.string(),
  v.regex(ISO_WITH_OFFSET, 'must be an ISO 8601 date-time with an offset'),
  v.transform((s) => new Date(s)),
  v.check((d) => !Number.isNaN(d.getTime()), 'must be a real date-time'),
);

/** True for YYYY-MM-DD naming a day that exists (no 2026-02-30). */
function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}

/** A calendar date YYYY-MM-DD that exists. */
export const IsoDate = v.pipe(
  v.string(),
  v.regex(/^(19|20)\d{2}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  v.check(isRealDate, 'must be a real date'),
);

/** A German federal state code, or null for none. */
export const FederalStateSchema = v.nullable(
  v.picklist(FEDERAL_STATES, 'must be a German federal state code'),
);

/** An interpreter language in a request (ISO 639-1, or dgs). */
export const InterpreterLanguage = v.pipe(
  v.string(),
  v.regex(LANGUAGE_CODE, 'must be a language code such as tr or dgs'),
);

/** A phone number as typed; the server normalises and checks it (functions/http/schemas.ts MobilePhone). */
export const PhoneText = v.pipe(v.string(), v.maxLength(64));

// Response pieces: what the server writes, never parsed back into Dates.

/** An instant in a response: ISO 8601 in UTC, as Date.toISOString() writes it. */
export const DateTime = v.pipe(v.string(), v.isoTimestamp());
/** A calendar date in a response. */
export const LocalDate = v.pipe(v.string(), v.isoDate());
/** A UUID in a response. */
export const Id = v.pipe(v.string(), v.uuid());
