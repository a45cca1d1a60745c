// The typed Hono context: dependencies injected once per request by `injectDeps`.
import type { Kysely } from 'kysely';
import type { Database, SessionPending, StaffRole } from '../db/database.ts';
import type { Config } from '../env.ts';
import type { RequestMetrics } from '../metrics/request-metrics.ts';
import type { SharedLimiter } from '../platform/rate-limiter.ts';
import type { RoomRole } from '../rooms/token-scope.ts';
import type { OidcProvider } from '../staff/oidc-client.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** One SMS as the gateway sees it (API.md). */
export interface SmsMessage {
  id: string;
  to: string;
  text: string;
}

export type SmsResult = { ok: true } | { ok: false; error: string; retryable: boolean };

export interface SmsSender {
  send(message: SmsMessage): Promise<SmsResult>;
}

export interface RoomOptions {
  maxParticipants: number;
  emptyTimeoutSeconds: number;
}

export interface TokenRequest {
  room: string;
  identity: string;
  name: string;
  role: RoomRole;
  ttlSeconds: number;
  metadata?: string;
}

export interface RoomParticipant {
  identity: string;
  name: string;
  joinedAt: Date | null;
}

/** The video system as the application needs it; LiveKit in production, tests use the real server too. */
export interface VideoGateway {
  readonly configured: boolean;
  /** The URL browsers connect to. */
  readonly publicUrl: string;
  ensureRoom(name: string, options: RoomOptions): Promise<void>;
  mintToken(request: TokenRequest): Promise<string>;
  listParticipants(room: string): Promise<RoomParticipant[]>;
  removeParticipant(room: string, identity: string): Promise<void>;
  deleteRoom(room: string): Promise<void>;
  listRooms(): Promise<{ name: string; participants: number; createdAt: Date | null }[]>;
  /** Verifies a webhook's signature; throws on a bad one. */
  receiveWebhook(body: string, authorization: string | undefined): Promise<unknown>;
}

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Static web assets (built pages), served with the right encoding. */
export interface AssetStore {
  get(path: string): Promise<Uint8Array | null>;
}

/** A connection pool's current use, for GET /metrics (pg.Pool has these fields). */
export interface PoolUse {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

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
  /** Called after a change that makes cached slot data stale (workerd tells the other objects of the process). */
  onBookingChange?: (scope: 'bookings' | 'all') => void;
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

export type AppVariables = {
  db: Kysely<Database>;
  config: Config;
  clock: Clock;
  video: VideoGateway;
  sms: SmsSender;
  limits: SharedLimiter;
  log: Logger;
  deps: AppDeps;
  requestId: string;
  actor?: Actor;
};

export type AppEnv = { Variables: AppVariables };
