// Who is in a booking's room right now, derived (purely) from the latest LiveKit participant events, and
// loaded for many bookings at once for the agenda, the dashboard and the waiting room.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface RoleEvent {
  event: 'joined' | 'left';
  at: Date;
}

export interface RolePresence {
  present: boolean;
  /** When the role last joined (present) or left (absent); null if it never joined. */
  since: Date | null;
}

export interface Presence {
  citizen: RolePresence;
  counsellor: RolePresence;
  /** The citizen is in the room and the counsellor is not: the dashboard shows "waiting". */
  citizenWaiting: boolean;
}

export const ABSENT: RolePresence = { present: false, since: null };

function roleStatus(latest: RoleEvent | undefined, roomFinishedAt: Date | null): RolePresence {
  if (!latest) return ABSENT;
  if (latest.event === 'left') return { present: false, since: latest.at };
  // A finished room has nobody in it, even if its "left" events never arrived.
  if (roomFinishedAt && roomFinishedAt.getTime() >= latest.at.getTime())
    return { present: false, since: roomFinishedAt };
  return { present: true, since: latest.at };
}

/**
 * Derives presence from each role's latest event and the last time the booking's room finished.
 *
 * @example
 * derivePresence({ citizen: { event: 'joined', at } }, null)
 * // → { citizen: { present: true, since: at }, counsellor: { present: false, since: null }, citizenWaiting: true }
 */
export function derivePresence(
  latest: { citizen?: RoleEvent; counsellor?: RoleEvent },
  roomFinishedAt: Date | null,
): Presence {
  const citizen = roleStatus(latest.citizen, roomFinishedAt);
  const counsellor = roleStatus(latest.counsellor, roomFinishedAt);
  return { citizen, counsellor, citizenWaiting: citizen.present && !counsellor.present };
}

/**
 * Presence of citizen and counsellor for many bookings at once, from the webhook records.
 * Bookings without any event are reported absent. For the dashboard's agenda and the waiting room.
 */
export async function presenceForBookings(db: Db, ids: readonly string[]): Promise<Map<string, Presence>> {
  const out = new Map<string, Presence>();
  if (ids.length === 0) return out;
  const unique = [...new Set(ids)];
  const latest = await db
    .selectFrom('participant_events')
    .select(['booking_id', 'role', 'event', 'at'])
    .distinctOn(['booking_id', 'role'])
    .where('booking_id', 'in', unique)
    .where('role', 'in', ['citizen', 'counsellor'])
    .orderBy('booking_id')
    .orderBy('role')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const finished = await db
    .selectFrom('room_sessions')
    .select(['booking_id', (eb) => eb.fn.max('finished_at').as('finished_at')])
    .where('booking_id', 'in', unique)
    .groupBy('booking_id')
    .execute();
  const finishedBy = new Map(
    finished.map((f) => [f.booking_id, f.finished_at ? new Date(f.finished_at) : null]),
  );
  const events = new Map<string, { citizen?: RoleEvent; counsellor?: RoleEvent }>();
  for (const e of latest) {
    if (!e.booking_id || e.role === 'other') continue;
    const entry = events.get(e.booking_id) ?? {};
    entry[e.role] = { event: e.event, at: new Date(e.at) };
    events.set(e.booking_id, entry);
  }
  for (const id of unique) out.set(id, derivePresence(events.get(id) ?? {}, finishedBy.get(id) ?? null));
  return out;
}
