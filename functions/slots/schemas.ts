// valibot schemas of the slot calendar's query.
import * as v from 'valibot';
import { parseDate } from './time-zone.ts';

export const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const MAX_RANGE_DAYS = 42;

const date = v.pipe(
  v.string(),
  v.regex(/^(19|20)\d{2}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  v.check((s) => !Number.isNaN(parseDate(s)), 'must be a real date'),
);

export const SlotQuerySchema = v.object({
  service: v.pipe(v.string(), v.regex(SERVICE_ID, 'must be a service id')),
  from: date,
  to: date,
});
