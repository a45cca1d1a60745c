// The typed Hono context: dependencies injected once per request by `injectDeps`.
import type { Kysely } from 'kysely';
import type { Database, Language, SessionPending, StaffRole } from '../db/database.ts';
import type { Config } from '../env.ts';
import type { BodyCache } from '../platform/body-cache.ts';
import type { Bulkhead } from '../platform/bulkhead.ts';
import type { ChangeScope } from '../platform/change-bus.ts';
import type {
  AssetStore,
  Clock,
  Logger,
  OidcProvider,
  PoolUse,
  SmsSender,
  VideoGateway,
} from '../platform/ports.ts';
import type { SharedLimiter } from '../platform/rate-limiter.ts';
import type { RequestMetrics } from '../platform/request-metrics.ts';
import type { TtlMemo } from '../platform/ttl-memo.ts';

export type {
  AssetStore,
  Clock,
  Logger,
  OidcProvider,
  PoolUse,
  RoomOptions,
  RoomParticipant,
  SmsMessage,
  SmsResult,
  SmsSender,
  TokenRequest,
  VideoGateway,
} from '../platform/ports.ts';
export { systemClock } from '../platform/ports.ts';

export interface AppDeps {
  db: Kysely<Database>;
  config: Config;
  clock: Clock;
  video: VideoGateway;
  sms: SmsSender;
  /** Limits shared by every process (PostgreSQL); use this for anything new. */
  limits: SharedLimiter;
  log: Logger;
  assets?: AssetStore;
  /** The single sign-on provider, when OIDC_ISSUER is set. */
  oidc: OidcProvider | null;

  /** This process's request counters and latency histograms (GET /metrics). */
  requestMetrics: RequestMetrics;
  /** This process's database pool, when the entry point owns one. */
  pool?: PoolUse;
  /** Encoded GET /api/slots answers of this app instance; cleared by calendarChanged. */
  slotCache: BodyCache;
  /** Short-lived loaded values (rosters, services) of this app instance; cleared by calendarChanged('all'). */
  memo: TtlMemo;
  /** The bulkhead every booking flow passes (functions/bookings/gate.ts). */
  bookingGate: Bulkhead;
  /**
   * Call after the commit of a change the calendar depends on, with `'bookings'` when only bookings (and
   * their capacity use) changed: clears this instance's caches, and on workerd every other object's too.
   */
  calendarChanged(scope: ChangeScope): void;
}

export interface Actor {
  userId: string;
  role: StaffRole;
  /** May read citizens' contact data and notes beyond one's own appointments (need-to-know). */
  supervisor: boolean;
  email: string;
  displayName: string;
  counsellorId: string | null;
  csrfToken: string;
  sessionHash: Uint8Array;
  sessionId: string;
  authMethod: 'password' | 'oidc';
  pending: SessionPending | null;
  passwordResetAt: Date | null;
}

/** What handlers read from `c.get(...)`: the common dependencies by name, the whole set, the request id. */
export type AppVariables = Pick<AppDeps, 'db' | 'config' | 'clock' | 'video' | 'sms' | 'limits' | 'log'> & {
  deps: AppDeps;
  requestId: string;
  /** The citizen language of the request (functions/http/language.ts). */
  language: Language;
  actor?: Actor;
};

export type AppEnv = { Variables: AppVariables };

/** Behind requireStaff (the /api/staff and /api/admin sub-apps, the session routes of /api/auth): the actor is set. */
export type StaffEnv = { Variables: AppVariables & { actor: Actor } };
