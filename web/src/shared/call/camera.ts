// How the camera is published for a profile: the top encoding and the lower simulcast layers.
import { VideoPreset } from 'livekit-client';
import type { CameraProfile } from './profile.ts';

/** kbit/s of the lower simulcast layers by height. */
const LAYER_KBPS: Record<number, number> = { 90: 60, 180: 120, 360: 300 };

export function publishOptions(p: CameraProfile) {
  return {
    simulcast: p.layers.length > 0,
    videoEncoding: { maxBitrate: p.maxKbps * 1000, maxFramerate: p.fps },
    videoSimulcastLayers: p.layers.map(
      (h) => new VideoPreset(Math.round((h * 16) / 9), h, (LAYER_KBPS[h] ?? 100) * 1000, Math.min(p.fps, 15)),
    ),
  };
}
