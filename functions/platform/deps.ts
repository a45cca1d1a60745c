// Builds the application's dependencies from configuration; shared by workerd, Deno and the Node tools.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { assertStartable, type Config } from '../env.ts';
import type { AppDeps, AssetStore, Clock } from '../http/context.ts';
import { systemClock } from '../http/context.ts';
import { createHttpSmsSender, createLogSmsSender } from '../notifications/sms-gateway.ts';
import { createLiveKitGateway, createUnconfiguredVideoGateway } from '../rooms/livekit-gateway.ts';
import { createOidcProvider } from '../staff/oidc-client.ts';
import { useLinkKeys } from './link-seal.ts';
import { createJsonLogger } from './logger.ts';
import { createMemoryRateLimiter, createPgRateLimiter } from './rate-limiter.ts';

export interface BuildDepsOptions {
  clock?: Clock;
  assets?: AssetStore;
}

export function buildDeps(config: Config, db: Kysely<Database>, options: BuildDepsOptions = {}): AppDeps {
  assertStartable(config);
  const log = createJsonLogger(config.LOG_LEVEL);
  // Links in queued SMS are sealed with these keys; without any, this process's own key (single-process dev only).
  useLinkKeys(config.LINK_ENCRYPTION_KEYS);
  const video =
    config.LIVEKIT_URL && config.LIVEKIT_API_KEY && config.LIVEKIT_API_SECRET
      ? createLiveKitGateway({
          url: config.LIVEKIT_URL,
          publicUrl: config.LIVEKIT_PUBLIC_URL,
          apiKey: config.LIVEKIT_API_KEY,
          apiSecret: config.LIVEKIT_API_SECRET,
        })
      : createUnconfiguredVideoGateway();
  const sms = config.SMS_GATEWAY_URL
    ? createHttpSmsSender(config.SMS_GATEWAY_URL, config.SMS_GATEWAY_TOKEN)
    : createLogSmsSender(log);
  return {
    db,
    config,
    clock: options.clock ?? systemClock,
    video,
    sms,
    rateLimiter: createMemoryRateLimiter(config.RATE_LIMITS === 'on'),
    limits: createPgRateLimiter(db, config.RATE_LIMITS === 'on'),

    oidc: createOidcProvider(config),
    log,
    ...(options.assets ? { assets: options.assets } : {}),
  };
}
