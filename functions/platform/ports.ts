// The ports the application talks through (clock, log, SMS, video, single sign-on, assets, pool); the
// adapters live in the features that own them and are wired in functions/app/deps.ts.
import type * as oidc from 'openid-client';

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

/** Who a room token is for (functions/rooms/token-scope.ts grants each its least privilege). */
export type RoomRole = 'citizen' | 'counsellor' | 'interpreter';

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

/** The single sign-on provider (openid-client); built from configuration when OIDC_ISSUER is set. */
export interface OidcProvider {
  configuration(): Promise<oidc.Configuration>;
  /** Verifies a back-channel logout token; returns its sid and sub. */
  verifyLogoutToken(token: string): Promise<{ sid?: string; sub?: string }>;
  readonly callbackUrl: string;
}
