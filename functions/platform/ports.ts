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

/** Why the video system could not do what was asked; the HTTP layer (functions/rooms/http-errors.ts) says it. */
export type VideoFailure = 'unavailable' | 'unconfigured' | 'not_found';

/** A VideoGateway's failure: the server is down or slow, none is configured, or it knows no such room or participant. */
export class VideoServiceError extends Error {
  constructor(
    readonly reason: VideoFailure,
    options: { cause?: unknown } = {},
  ) {
    super(VIDEO_FAILURE_TEXT[reason], { cause: options.cause });
    this.name = 'VideoServiceError';
  }
}

const VIDEO_FAILURE_TEXT: Record<VideoFailure, string> = {
  unavailable: 'the video server cannot be reached',
  unconfigured: 'no video server is configured',
  not_found: 'not found in the video service',
};

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
/** The identity provider's discovery did not answer; functions/staff/http-errors.ts says it. */
export class IdentityProviderUnavailable extends Error {
  constructor(options: { cause?: unknown } = {}) {
    super('the identity provider does not answer', { cause: options.cause });
    this.name = 'IdentityProviderUnavailable';
  }
}

export interface OidcProvider {
  configuration(): Promise<oidc.Configuration>;
  /** Verifies a back-channel logout token; returns its sid and sub. */
  verifyLogoutToken(token: string): Promise<{ sid?: string; sub?: string }>;
  readonly callbackUrl: string;
}
