// The ICE servers a pre-call check may try (join page and booking page): the agency's TURN URLs with LiveKit TURN
// credentials for a fresh pseudo participant, valid one minute. Issues no video token.
import type { Config } from '../env.ts';
import { mintTurnCredentials } from './turn-credentials.ts';

/** Long enough to gather candidates once; the check asks again for a new one. */
export const ICE_CHECK_TTL_SECONDS = 60;

export interface IceCheckServers {
  iceServers: { urls: string[]; username: string; credential: string }[];
  expiresAt?: string;
}

/** An empty list when no TURN URLs or no LiveKit key are configured (the page then skips the check). */
export async function iceCheckServers(config: Config, now: Date): Promise<IceCheckServers> {
  if (!config.LIVEKIT_TURN_URLS.length || !config.LIVEKIT_API_KEY) return { iceServers: [] };
  const credentials = await mintTurnCredentials({
    apiKey: config.LIVEKIT_API_KEY,
    apiSecret: config.LIVEKIT_API_SECRET,
    id: `check-${crypto.randomUUID()}`,
    ttlSeconds: ICE_CHECK_TTL_SECONDS,
    now,
  });
  return {
    iceServers: [
      { urls: config.LIVEKIT_TURN_URLS, username: credentials.username, credential: credentials.credential },
    ],
    expiresAt: credentials.expiresAt.toISOString(),
  };
}
