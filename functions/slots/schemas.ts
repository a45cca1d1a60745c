// valibot schemas of the slot calendar's query.
import * as v from 'valibot';
import { IsoDate, ServiceId } from '../http/schemas.ts';

export const MAX_RANGE_DAYS = 42;

export const SlotQuerySchema = v.object({
  service: ServiceId,
  from: IsoDate,
  to: IsoDate,
});
