// Who is in a booking's room right now, derived from the latest LiveKit participant events (pure).

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
