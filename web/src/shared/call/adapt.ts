// Judging a measured link and moving between call modes with hysteresis (pure: `now` is passed in).
import type { LinkQuality, VideoMode } from './profile.ts';

/** One measurement of the media path, from getStats() (null: not measurable right now). */
export interface LinkSample {
  /** Round trip to the media server in ms. */
  rttMs: number | null;
  /** Share of packets lost since the last sample, 0..1, the worse of both directions. */
  loss: number | null;
  /** Frames per second of the received camera; null when no camera is expected. */
  fps: number | null;
  /** Nothing at all arrived since the last sample (an outage or nobody talking): no verdict on the line. */
  silent?: boolean;
}

export type LinkHealth = 'good' | 'fair' | 'weak';

/** A call is hard to hold above these: speech overlaps, pictures stutter, words go missing. */
export const WEAK = { rttMs: 400, loss: 0.08, fps: 8 } as const;
const GOOD = { rttMs: 250, loss: 0.02, fps: 12 } as const;

/**
 * How usable a link is for the current mode; LiveKit's own score counts only when it is worse.
 *
 * @example
 * judgeLink({ rttMs: 600, loss: 0, fps: 15 }) // → 'weak'
 */
export function judgeLink(s: LinkSample, quality: LinkQuality = 'unknown'): LinkHealth {
  const rtt = s.rttMs ?? 0;
  const loss = s.loss ?? 0;
  if (rtt > WEAK.rttMs || loss > WEAK.loss || (s.fps !== null && s.fps < WEAK.fps) || quality === 'lost')
    return 'weak';
  if (rtt < GOOD.rttMs && loss < GOOD.loss && (s.fps === null || s.fps >= GOOD.fps) && quality !== 'poor')
    return 'good';
  return 'fair';
}

export interface AdaptState {
  weakSince: number | null;
  goodSince: number | null;
  /** No automatic change before this time (after the citizen chose a mode themself). */
  holdUntil: number;
  /** Automatic step-downs so far: each one makes the next step up wait longer. */
  downs: number;
}

export const INITIAL_ADAPT: AdaptState = { weakSince: null, goodSince: null, holdUntil: 0, downs: 0 };

/** How long the link must stay weak before stepping down from a mode. */
export const STEP_DOWN_AFTER_MS: Record<VideoMode, number> = { standard: 6000, saver: 10_000, audio: 0 };
/** How long it must stay good before stepping up, per step-down so far (capped at five minutes). */
export const STEP_UP_AFTER_MS = 45_000;
/** After the citizen picks a mode, the automatic steps leave it alone this long. */
export const OVERRIDE_HOLD_MS = 30_000;

const ORDER: VideoMode[] = ['audio', 'saver', 'standard'];

/**
 * Decides the next mode: one step down after a weak stretch, one step up (never above `ceiling`, the mode the
 * citizen chose) after a long good stretch. Between those thresholds nothing moves, so a link at the edge does
 * not flap.
 *
 * @example
 * adapt('standard', 'standard', 'weak', 7000, { ...INITIAL_ADAPT, weakSince: 0 }) // → { to: 'saver', … }
 */
export function adapt(
  mode: VideoMode,
  ceiling: VideoMode,
  health: LinkHealth,
  now: number,
  st: AdaptState,
): { state: AdaptState; to: VideoMode | null } {
  const rank = ORDER.indexOf(mode);
  if (now < st.holdUntil) return { state: { ...st, weakSince: null, goodSince: null }, to: null };
  if (health === 'weak') {
    const since = st.weakSince ?? now;
    if (rank > 0 && now - since >= STEP_DOWN_AFTER_MS[mode])
      return { state: { ...st, weakSince: now, goodSince: null, downs: st.downs + 1 }, to: ORDER[rank - 1]! };
    return { state: { ...st, weakSince: since, goodSince: null }, to: null };
  }
  if (health === 'fair') return { state: { ...st, weakSince: null, goodSince: null }, to: null };
  const since = st.goodSince ?? now;
  const wait = Math.min(STEP_UP_AFTER_MS * Math.max(1, st.downs), 300_000);
  if (rank < ORDER.indexOf(ceiling) && now - since >= wait)
    return { state: { ...st, weakSince: null, goodSince: now }, to: ORDER[rank + 1]! };
  return { state: { ...st, weakSince: null, goodSince: since }, to: null };
}

/** The state after the citizen chose a mode by hand: that mode is the new ceiling, left alone for a while. */
export function overridden(st: AdaptState, now: number): AdaptState {
  return { ...st, weakSince: null, goodSince: null, holdUntil: now + OVERRIDE_HOLD_MS };
}
