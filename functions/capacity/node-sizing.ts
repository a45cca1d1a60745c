// The recommended capacity of a LiveKit node from the measured figures in livekit-capacity.json (npm run bench -- livekit).
import measured from './livekit-capacity.json' with { type: 'json' };

export type SizingProfile = 'standard' | 'saver' | 'audio';

export interface MeasuredProfile {
  /** Share of one core a 1:1 session takes on the SFU, in percent, scaled to what real calls forward. */
  cpuPercentPerSession: number;
  /** As measured with the load client, and what it forwarded then and in real calls (kbit/s per session). */
  cpuPercentPerSessionMeasured: number;
  forwardedKbpsMeasured: number;
  forwardedKbpsNominal: number;
  /** 1:1 sessions one core carries at full load: 100 / cpuPercentPerSession. */
  sessionsPerCore: number;
  /** The session count at which the load tester first saw quality drop on the measuring machine, or null. */
  qualityDropAtSessions: number | null;
  maxSessionsTried: number;
}

export interface MeasuredCapacity {
  measuredAt: string;
  machine: { cores: number; cpu: string };
  sfu: string;
  client: string;
  /** Share of the cores planned for sessions; the rest is left for peaks, TURN and the system. */
  headroom: number;
  profiles: Record<SizingProfile, MeasuredProfile>;
}

export const MEASURED: MeasuredCapacity = measured as MeasuredCapacity;

export interface Recommendation {
  cores: number;
  profile: SizingProfile;
  capacity: number;
  sessionsPerCore: number;
  headroom: number;
  measuredAt: string;
  measuredOn: string;
}

/**
 * Concurrent 1:1 sessions to book on a node with `cores` cores: the measured sessions per core, times the
 * cores, times the headroom, rounded down.
 *
 * @example
 * recommendCapacity(16, 'standard', MEASURED).capacity
 */
export function recommendCapacity(
  cores: number,
  profile: SizingProfile,
  m: MeasuredCapacity = MEASURED,
): Recommendation {
  const p = m.profiles[profile];
  return {
    cores,
    profile,
    capacity: Math.floor(p.sessionsPerCore * cores * m.headroom),
    sessionsPerCore: p.sessionsPerCore,
    headroom: m.headroom,
    measuredAt: m.measuredAt,
    measuredOn: `${m.machine.cores} cores (${m.machine.cpu}), ${m.sfu}, ${m.client}`,
  };
}
