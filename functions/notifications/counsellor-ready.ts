// When the tick sends "your counsellor is ready": the counsellor is in the room, the citizen is not (pure).

/** The citizen gets this long after the counsellor joined (or after the start) before being nudged. */
export const READY_GRACE_MS = 60_000;
/** Too close to the end, a nudge no longer helps. */
export const READY_CUTOFF_BEFORE_END_MS = 5 * 60_000;

export interface ReadyState {
  status: string;
  start: Date;
  end: Date;
  counsellorJoinedAt: Date | null;
  citizenJoinedAt: Date | null;
}

/**
 * True once the appointment has begun, the counsellor has been in the room for a minute and the
 * citizen has not joined, until five minutes before the end.
 * @example counsellorReadyDue({ status: 'confirmed', start: 10:00, end: 10:30, counsellorJoinedAt: 09:58, citizenJoinedAt: null }, 10:01) // true
 */
export function counsellorReadyDue(s: ReadyState, now: Date): boolean {
  if (s.status !== 'confirmed' || !s.counsellorJoinedAt || s.citizenJoinedAt) return false;
  const t = now.getTime();
  if (t < s.start.getTime()) return false;
  if (t < s.counsellorJoinedAt.getTime() + READY_GRACE_MS) return false;
  return t < s.end.getTime() - READY_CUTOFF_BEFORE_END_MS;
}
