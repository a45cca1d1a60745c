// What the call sends and requests in each mode and under a bitrate cap, and what that costs in data (pure).

export type VideoMode = 'standard' | 'saver' | 'audio';

export interface CameraProfile {
  width: number;
  height: number;
  fps: number;
  maxKbps: number;
  /** Lower simulcast layers (heights) besides the top one. */
  layers: number[];
}

/** `adaptive`: the size it is shown at decides; `low`: the smallest simulcast layer; `off`: not received. */
export type RemoteVideo = 'adaptive' | 'low' | 'off';

export interface CallProfile {
  camera: CameraProfile | null;
  remoteVideo: RemoteVideo;
}

/** Opus speech with packet overhead, both directions together. */
export const AUDIO_KBPS = 80;
const REMOTE_KBPS: Record<RemoteVideo, number> = { adaptive: 600, low: 160, off: 0 };

const P360: CameraProfile = { width: 640, height: 360, fps: 20, maxKbps: 450, layers: [90, 180] };
const P180: CameraProfile = { width: 320, height: 180, fps: 15, maxKbps: 120, layers: [90] };
const P90: CameraProfile = { width: 160, height: 90, fps: 10, maxKbps: 60, layers: [] };

/** From richest to poorest; a mode starts at its rung, a cap moves further down. */
const LADDER: CallProfile[] = [
  { camera: P360, remoteVideo: 'adaptive' },
  { camera: P360, remoteVideo: 'low' },
  { camera: P180, remoteVideo: 'low' },
  { camera: P90, remoteVideo: 'low' },
  { camera: null, remoteVideo: 'low' },
  { camera: null, remoteVideo: 'off' },
];
const START: Record<VideoMode, number> = { standard: 0, saver: 2, audio: 5 };
/** The counsellor sits on a wired office line: a sharper top layer; the citizen's side picks its layer. */
const P540: CameraProfile = { width: 960, height: 540, fps: 24, maxKbps: 800, layers: [180, 360] };

/** Estimated kbit/s of a profile, sending and receiving together, screen sharing not included. */
export function profileKbps(p: CallProfile): number {
  return AUDIO_KBPS + (p.camera?.maxKbps ?? 0) + REMOTE_KBPS[p.remoteVideo];
}

/**
 * The richest profile allowed by the mode that stays within the cap (kbit/s, both directions).
 *
 * @example
 * profileFor('standard', 400) // → 180p camera at ≤ 120 kbit/s, counsellor at the lowest layer (360 kbit/s)
 */
export function profileFor(
  mode: VideoMode,
  capKbps: number | null,
  role: 'citizen' | 'counsellor' = 'citizen',
): CallProfile {
  const rungs = LADDER.slice(START[mode]);
  const p = rungs.find((r) => capKbps === null || profileKbps(r) <= capKbps) ?? (rungs.at(-1) as CallProfile);
  return role === 'counsellor' && capKbps === null && p === LADDER[0] ? { ...p, camera: P540 } : p;
}

/** Megabytes for 30 minutes at a rate in kbit/s, rounded to whole MB. */
export function megabytesPer30Minutes(kbps: number): number {
  return Math.round((kbps * 1000 * 30 * 60) / 8 / 1_000_000);
}

export type LinkQuality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';
