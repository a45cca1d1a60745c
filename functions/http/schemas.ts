// The valibot pieces every feature shares: ids, instants, dates, and the one answer for a bad id in a path.
import { vValidator } from '@hono/valibot-validator';
import * as v from 'valibot';
import { FEDERAL_STATES } from '../db/federal-states.ts';
import { normalizeMobilePhone } from '../platform/phone.ts';
import { parseDate } from '../platform/time-zone.ts';
import { AppError } from './problem.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for a syntactically valid UUID (anything else is simply not found). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A UUID in a body or query. */
export const Uuid = (message = 'must be an id') => v.pipe(v.string(), v.uuid(message));

const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A service id (lower-case slug). */
export const ServiceId = v.pipe(v.string(), v.regex(SERVICE_ID, 'must be a service id'));

/** An ISO 8601 date-time with an offset, as an instant. */
export const Instant = v.pipe(
  v.string(),
  v.regex(ISO_WITH_OFFSET, 'must be an ISO 8601 date-time with an offset'),
  v.transform((s) => new Date(s)),
  v.check((d) => !Number.isNaN(d.getTime()), 'must be a real date-time'),
);

/** A German federal state code, or null for none. */
export const FederalStateSchema = v.nullable(
  v.picklist(FEDERAL_STATES, 'must be a German federal state code'),
);

/** A mobile number, normalised to E.164 (German numbers may omit +49). */
export const MobilePhone = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const result = normalizeMobilePhone(dataset.value);
    if (result.ok) return result.e164;
    addIssue({
      message: result.reason === 'not_mobile' ? 'must be a mobile number' : 'must be a valid phone number',
    });
    return NEVER;
  }),
);

/** A calendar date YYYY-MM-DD that exists. */
export const IsoDate = v.pipe(
  v.string(),
  v.regex(/^(19|20)\d{2}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  v.check((s) => !Number.isNaN(parseDate(s)), 'must be a real date'),
);

/**
 * Validates the named path parameters as UUIDs. A malformed id names no record, so the answer is the
 * same 404 `not_found` an unknown well-formed id gets (docs/endpoints.md, "Ids in paths"), on every route.
 */
export function idParams<Name extends string>(...names: Name[]) {
  const entries = Object.fromEntries(names.map((name) => [name, Uuid()])) as Record<
    Name,
    ReturnType<typeof Uuid>
  >;
  return vValidator('param', v.object(entries), (result) => {
    if (!result.success) throw new AppError('not_found');
  });
}

/** The `:id` of every route that names one record. */
export const idParam = idParams('id');
