// Weekly hours and absences of a counsellor as the API returns them.
import * as v from 'valibot';

export const WeeklyPeriod = v.object({ weekday: v.number(), start: v.string(), end: v.string() });
export type WeeklyPeriod = v.InferOutput<typeof WeeklyPeriod>;

export const WorkingHours = v.object({ hours: v.array(WeeklyPeriod) });
export type WorkingHours = v.InferOutput<typeof WorkingHours>;

/** A change that can collide with booked appointments says how many it flagged for rebooking. */
export const WorkingHoursSaved = v.object({ hours: v.array(WeeklyPeriod), flaggedBookings: v.number() });

export const Absence = v.object({ id: v.string(), start: v.string(), end: v.string(), reason: v.string() });
export type Absence = v.InferOutput<typeof Absence>;

export const AbsenceList = v.object({ absences: v.array(Absence) });
export const AbsenceCreated = v.object({ absence: Absence, flaggedBookings: v.number() });
export const Deleted = v.object({ deleted: v.string() });
