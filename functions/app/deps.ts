// Builds the application's dependencies from configuration; shared by workerd, Deno and the Node tools.
import type { Kysely } from 'kysely';
import { createBookingGate } from '../bookings/gate.ts';
import type { Database } from '../db/database.ts';
import { assertStartable, type Config } from '../env.ts';
import type { AppDeps, AssetStore, Clock, PoolUse } from '../http/context.ts';
import { systemClock } from '../http/context.ts';
import { createHttpSmsSender, createLogSmsSender } from '../notifications/sms-gateway.ts';
import { BodyCache } from '../platform/body-cache.ts';
import type { Bulkhead } from '../platform/bulkhead.ts';
import type { ChangeBus, ChangeScope } from '../platform/change-bus.ts';
import { useLinkKeys } from '../platform/link-seal.ts';
import { createJsonLogger } from '../platform/logger.ts';
import { createPgRateLimiter } from '../platform/rate-limiter.ts';
import { createRequestMetrics } from '../platform/request-metrics.ts';
import { TtlMemo } from '../platform/ttl-memo.ts';
import { createLiveKitGateway, createUnconfiguredVideoGateway } from '../rooms/livekit-gateway.ts';
import { createOidcProvider } from '../staff/oidc-client.ts';

export interface BuildDepsOptions {
  clock?: Clock;
  assets?: AssetStore;
  pool?: PoolUse;
  /** workerd: the process's bus; a change is published there and every subscriber (this instance too) clears. */
  bus?: Pick<ChangeBus, 'publish' | 'subscribe'>;
  /** Tests may bring their own caches or gate. */
  slotCache?: BodyCache;
  memo?: TtlMemo;
  bookingGate?: Bulkhead;
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
  const slotCache = options.slotCache ?? new BodyCache();
  const memo = options.memo ?? new TtlMemo();
  // A booking cannot change who works when, and the hot booking path reads the memoised rosters.
  const clear = (scope: ChangeScope) => {
    slotCache.clear();
    if (scope === 'all') memo.clear();
  };
  const bus = options.bus;
  bus?.subscribe(clear);
  return {
    db,
    config,
    clock: options.clock ?? systemClock,
    video,
    sms,
    limits: createPgRateLimiter(db, config.RATE_LIMITS === 'on'),

    oidc: createOidcProvider(config),
    log,
    requestMetrics: createRequestMetrics(),
    slotCache,
    memo,
    bookingGate: options.bookingGate ?? createBookingGate(config),
    calendarChanged: bus ? (scope) => bus.publish(scope) : clear,
    ...(options.assets ? { assets: options.assets } : {}),
    ...(options.pool ? { pool: options.pool } : {}),
  };
}
