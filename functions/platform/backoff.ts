// Decaying backoff, the pure core: failures fade with a half-life and, past a free allowance, block for a
// growing time. The shared limiter stores these states (rate-limiter.ts); staff login sets the policies.

export interface BackoffPolicy {
  /** Failures that cost nothing (typos). */
  freeFailures: number;
  /** Failures lose half their weight after this long. */
  halfLifeMs: number;
  /** The longest block. */
  maxBlockMs: number;
}

export interface FailureState {
  score: number;
  updatedAt: Date;
  blockedUntil: Date | null;
}

/** The score after decay from its last update to `now`. */
export function decayedScore(state: FailureState, now: Date, policy: BackoffPolicy): number {
  const elapsed = Math.max(0, now.getTime() - state.updatedAt.getTime());
  return state.score * 0.5 ** (elapsed / policy.halfLifeMs);
}

/**
 * The state after one more failure at `now`.
 * @example five free failures, the sixth blocks 2 s, the seventh 4 s (with no time between them)
 */
export function afterFailure(state: FailureState | null, now: Date, policy: BackoffPolicy): FailureState {
  const score = (state ? decayedScore(state, now, policy) : 0) + 1;
  // Continuous in the score, so a failure right after a block always waits longer than the last one.
  const over = score - policy.freeFailures;
  const blockedUntil =
    over >= 1 - 1e-9
      ? new Date(now.getTime() + Math.min(policy.maxBlockMs, 1000 * 2 ** Math.min(over, 30)))
      : null;
  return { score, updatedAt: now, blockedUntil };
}

/** Seconds this client must still wait, 0 when it may try. */
export function secondsBlocked(state: FailureState | null | undefined, now: Date): number {
  if (!state?.blockedUntil) return 0;
  const ms = state.blockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}
