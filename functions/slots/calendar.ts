// Builds the GET /api/slots body: loads what the engine needs for the range and renders local times.
import type { Kysely } from 'kysely';
import { type FederalState, loadClosedDates } from '../closures/closures.ts';
import type { Database, Service } from '../db/database.ts';
import { INTERPRETER_EXTRA_SESSIONS, loadInterpreterAvailability } from '../interpreters/interpreters.ts';
import { addDays, formatInstant, type LocalDay, localDay, offsetIn } from '../platform/time-zone.ts';
import type { TtlMemo } from '../platform/ttl-memo.ts';
import { computeSlots, type DaySlots, type ServiceRules } from '../schedule/slot-engine.ts';
import {
  loadBusyPeriods,
  loadCapacity,
  loadCapacityUsage,
  loadSkilledCounsellors,
  type RosterEntry,
} from './repository.ts';

/** Who offers a service and when changes rarely; a stale list only changes the order candidates are tried in. */
const ROSTER_TTL_MS = 5_000;

/** The counsellors offering a service with their hours, memoised (cleared by calendar changes of scope 'all'). */
export function rosterOf(
  deps: { db: Kysely<Database>; memo: TtlMemo },
  serviceId: string,
): Promise<RosterEntry[]> {
  return deps.memo.get(`roster:${serviceId}`, ROSTER_TTL_MS, () =>
    loadSkilledCounsellors(deps.db, serviceId),
  );
}

export function rulesOf(service: Service): ServiceRules {
  return {
    durationMinutes: service.duration_minutes,
    bufferBeforeMinutes: service.buffer_before_minutes,
    bufferAfterMinutes: service.buffer_after_minutes,
    minNoticeMinutes: service.min_notice_minutes,
    horizonDays: service.horizon_days,
    slotStepMinutes: service.slot_step_minutes,
  };
}

export interface CalendarDay {
  date: string;
  freeCount: number;
  slots: { start: string; end: string }[];
}

/** Free slots per day for the service, as the public API renders them. */
export async function buildCalendar(
  db: Kysely<Database>,
  service: Service,
  timeZone: string,
  defaultState: FederalState | '',
  now: Date,
  from: string,
  to: string,
  interpreter?: string,
): Promise<CalendarDay[]> {
  // A day either side: hours across midnight, buffers and long sessions reach over the range's edges.
  const rangeStart = new Date(localDay(addDays(from, -1), timeZone).start);
  const rangeEnd = new Date(localDay(addDays(to, 1), timeZone).end);
  const counsellors = await loadSkilledCounsellors(db, service.id);
  const [companions, closedDates, busy, capacityUsage, capacity] = await Promise.all([
    interpreter ? loadInterpreterAvailability(db, interpreter, rangeStart, rangeEnd) : undefined,
    loadClosedDates(db, counsellors, defaultState, addDays(from, -1), addDays(to, 1)),
    loadBusyPeriods(
      db,
      counsellors.map((c) => c.id),
      rangeStart,
      rangeEnd,
    ),
    loadCapacityUsage(db, rangeStart, rangeEnd),
    loadCapacity(db, rangeStart, rangeEnd),
  ]);
  const days = computeSlots(
    rulesOf(service),
    {
      timeZone,
      counsellors,
      busy,
      bookings: [],
      capacity,
      capacityUsage,
      closedDates,
      ...(companions ? { companions, sessionWeight: 1 + INTERPRETER_EXTRA_SESSIONS } : {}),
    },
    now.getTime(),
    from,
    to,
  );
  return renderDays(days, timeZone);
}

/** The engine's days with local ISO times, as the public API renders them. */
export function renderDays(days: DaySlots[], timeZone: string): CalendarDay[] {
  return days.map((d) => {
    const day = localDay(d.date, timeZone);
    return {
      date: d.date,
      freeCount: d.slots.length,
      slots: d.slots.map((s) => ({
        start: formatLocal(day, s.start, timeZone),
        end: formatLocal(day, s.end, timeZone),
      })),
    };
  });
}

/** ISO time with the offset in force at that instant (which may be on the next day or past a DST change). */
export function formatLocal(day: LocalDay, instant: number, timeZone: string): string {
  if (instant >= day.start && instant < day.end) return formatInstant(instant, offsetIn(day, instant));
  const next = localDay(addDays(day.date, instant >= day.end ? 1 : -1), timeZone);
  return formatInstant(instant, offsetIn(next, instant));
}
