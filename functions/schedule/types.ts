// The slot engine's inputs and outputs; times are epoch milliseconds, intervals half-open [start, end).
export interface ServiceRules {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  slotStepMinutes: number;
}

/** Weekly hours in the service time zone; weekday 1 = Monday .. 7 = Sunday; times `HH:MM[:SS]`, end may be 24:00. */
export interface WeeklyHours {
  weekday: number;
  start: string;
  end: string;
}

export interface CounsellorHours {
  id: string;
  hours: readonly WeeklyHours[];
}

/** Times are epoch milliseconds; intervals are half-open [start, end). */
export interface BusyPeriod {
  counsellorId: string;
  start: number;
  end: number;
}

export interface ExistingBooking {
  id: string;
  counsellorId: string;
  /** The video session. */
  start: number;
  end: number;
  /** The counsellor's time including buffers. */
  blockedStart: number;
  blockedEnd: number;
}

export interface MaintenanceWindow {
  start: number;
  end: number;
  capacity: number;
}

export interface BucketUsage {
  start: number;
  used: number;
}

export interface CapacityModel {
  maxConcurrentSessions: number;
  adhocReserve: number;
  maintenance: readonly MaintenanceWindow[];
}

export interface Availability {
  timeZone: string;
  /** Counsellors with the service's skill. */
  counsellors: readonly CounsellorHours[];
  /** Absences, and any booked time already merged per counsellor. */
  busy: readonly BusyPeriod[];
  /**
   * Live bookings that may overlap the range: their blocked time keeps the counsellor busy and,
   * unless `capacityUsage` is given, their sessions count against capacity.
   */
  bookings: readonly ExistingBooking[];
  capacity: CapacityModel;
  /** Sessions per five-minute bucket, sorted by start (the database's counters); replaces counting `bookings`. */
  capacityUsage?: readonly BucketUsage[];
  /** A booking to ignore, e.g. the one being rescheduled. */
  ignoreBookingId?: string;
  /** Local dates (`YYYY-MM-DD`) a counsellor cannot be booked on: public holidays and closing days. */
  closedDates?: ReadonlyMap<string, readonly string[]>;
  /**
   * A second person the session needs as well (an interpreter): a slot is listed only when one of
   * `people` is also working and unbooked for the whole blocked time.
   */
  companions?: { people: readonly CounsellorHours[]; busy: readonly BusyPeriod[] };
  /** Sessions this one counts as against capacity (default 1; a three-person session counts more). */
  sessionWeight?: number;
}

export interface Slot {
  start: number;
  end: number;
}

export interface DaySlots {
  date: string;
  slots: Slot[];
}
