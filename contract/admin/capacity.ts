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

// Responses.

export const CapacitySettings = v.object({
  maxConcurrentSessions: v.number(),
  adhocReserve: v.number(),
  adhocDurationMinutes: v.number(),
});
export type CapacitySettings = v.InferOutput<typeof CapacitySettings>;

export const CapacitySaved = v.object({ ...CapacitySettings.entries, flaggedBookings: v.number() });
export type CapacitySaved = v.InferOutput<typeof CapacitySaved>;

export const ForecastHour = v.object({
  start: v.string(),
  booked: v.number(),
  capacity: v.number(),
  bookable: v.number(),
});
export type ForecastHour = v.InferOutput<typeof ForecastHour>;

export const Forecast = v.object({
  from: v.string(),
  days: v.number(),
  timeZone: v.string(),
  maxConcurrentSessions: v.number(),
  adhocReserve: v.number(),
  hours: v.array(ForecastHour),
});
export type Forecast = v.InferOutput<typeof Forecast>;

export const LiveRoom = v.object({
  bookingId: v.string(),
  service: v.string(),
  kind: v.string(),
  counsellorName: v.nullable(v.string()),
  participants: v.number(),
  since: v.nullable(v.string()),
});

export const LiveCapacity = v.object({
  at: v.string(),
  capacity: v.number(),
  adhocReserve: v.number(),
  bookedNow: v.number(),
  liveRooms: v.number(),
  participants: v.number(),
  rooms: v.array(LiveRoom),
});
export type LiveCapacity = v.InferOutput<typeof LiveCapacity>;

export const MaintenanceWindow = v.object({
  id: v.string(),
  start: v.string(),
  end: v.string(),
  capacity: v.number(),
  note: v.string(),
});
export type MaintenanceWindow = v.InferOutput<typeof MaintenanceWindow>;

export const MaintenanceWindowList = v.object({ maintenanceWindows: v.array(MaintenanceWindow) });
export const MaintenanceWindowCreated = v.object({
  maintenanceWindow: MaintenanceWindow,
  flaggedBookings: v.number(),
});

/** A booking that needs a new time, with why and whom to call. */
export const FlaggedBooking = v.object({
  id: v.string(),
  service: v.string(),
  start: v.string(),
  end: v.string(),
  status: v.string(),
  serviceName: v.string(),
  kind: v.string(),
  reason: v.nullable(v.string()),
  counsellor: v.object({ id: v.string(), displayName: v.string() }),
  citizen: v.object({ name: v.nullable(v.string()), phone: v.nullable(v.string()), language: v.string() }),
});
export type FlaggedBooking = v.InferOutput<typeof FlaggedBooking>;

export const RebookingList = v.object({ bookings: v.array(FlaggedBooking) });
