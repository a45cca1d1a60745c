// The valibot pieces every feature shares: ids, instants, dates, and the one answer for a bad id in a path.
import { vValidator } from '@hono/valibot-validator';
import * as v from 'valibot';
import { Uuid } from '../../contract/shared.ts';
import { normalizeMobilePhone } from '../platform/phone.ts';
import { AppError } from './problem.ts';

export { FederalStateSchema, Instant, IsoDate, ServiceId, Uuid } from '../../contract/shared.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a syntactically valid UUID (anything else is simply not found). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

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
