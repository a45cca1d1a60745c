// valibot schemas of the operator's capacity, maintenance, absence and weekly-hours requests.
import * as v from 'valibot';
import { Instant } from '../shared.ts';
import { WorkingHoursBodySchema } from '../weekly-hours.ts';

export { WorkingHoursBodySchema };

const int = (min: number, max: number) =>
  v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min), v.maxValue(max));

export const CapacityBodySchema = v.pipe(
  v.object({
    maxConcurrentSessions: int(0, 100_000),
    adhocReserve: v.optional(int(0, 100_000)),
    adhocDurationMinutes: v.optional(
      v.pipe(
        int(5, 240),
        v.check((n) => n % 5 === 0, 'must be a multiple of 5'),
      ),
    ),
  }),
  v.forward(
    v.check(
      (b) => b.adhocReserve === undefined || b.adhocReserve <= b.maxConcurrentSessions,
      'must not exceed maxConcurrentSessions',
    ),
    ['adhocReserve'],
  ),
);

const MAX_PERIOD_MS = 400 * 86_400_000;

function validPeriod(p: { start: Date; end: Date }): boolean {
  return p.end.getTime() > p.start.getTime() && p.end.getTime() - p.start.getTime() <= MAX_PERIOD_MS;
}

const PERIOD_MESSAGE = 'must be after start, and at most 400 days after it';

export const MaintenanceBodySchema = v.pipe(
  v.object({
    start: Instant,
    end: Instant,
    capacity: int(0, 100_000),
    note: v.optional(v.pipe(v.string(), v.maxLength(500)), ''),
  }),
  v.forward(
    v.check((p) => validPeriod(p), PERIOD_MESSAGE),
    ['end'],
  ),
);

export const AbsenceBodySchema = v.pipe(
  v.object({
    start: Instant,
    end: Instant,
    reason: v.optional(v.pipe(v.string(), v.maxLength(500)), ''),
  }),
  v.forward(
    v.check((p) => validPeriod(p), PERIOD_MESSAGE),
    ['end'],
  ),
);
