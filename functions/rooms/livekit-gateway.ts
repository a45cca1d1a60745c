// The VideoGateway over a LiveKit server: rooms via RoomService, tokens via AccessToken, webhooks verified.
import { AccessToken, RoomServiceClient, TrackSource, WebhookReceiver } from 'livekit-server-sdk';
import { type VideoGateway, VideoServiceError } from '../platform/ports.ts';
import { grantFor, type PublishSource, ROOM_DEPARTURE_TIMEOUT_SECONDS } from './token-scope.ts';

export interface LiveKitSettings {
  url: string;
  publicUrl: string;
  apiKey: string;
  apiSecret: string;
  /** Seconds before a RoomService call counts as failed (a hanging server must not hang requests). */
  requestTimeoutSeconds?: number;
}

const SOURCES: Record<PublishSource, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

function toHttp(url: string): string {
  return url.replace(/^ws(s?):/, 'http$1:');
}

function isNotFound(error: unknown): boolean {
  const e = error as { status?: unknown; code?: unknown } | null;
  return e?.status === 404 || e?.code === 'not_found';
}

/** Turns a failure of the video server into a VideoServiceError: LiveKit's "not found", or unavailable. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (cause) {
    if (cause instanceof VideoServiceError) throw cause;
    throw new VideoServiceError(isNotFound(cause) ? 'not_found' : 'unavailable', { cause });
  }
}

export function createLiveKitGateway(settings: LiveKitSettings): VideoGateway {
  const rooms = new RoomServiceClient(toHttp(settings.url), settings.apiKey, settings.apiSecret, {
    requestTimeout: settings.requestTimeoutSeconds ?? 5,
    failover: false,
  });
  const receiver = new WebhookReceiver(settings.apiKey, settings.apiSecret);
  return {
    configured: true,
    publicUrl: settings.publicUrl || settings.url,
    // CreateRoom returns the existing room when it is already open, so this is safe before every token.
    ensureRoom: (name, options) =>
      guarded(async () => {
        await rooms.createRoom({
          name,
          maxParticipants: options.maxParticipants,
          emptyTimeout: options.emptyTimeoutSeconds,
          departureTimeout: ROOM_DEPARTURE_TIMEOUT_SECONDS,
        });
      }),
    async mintToken(request) {
      const at = new AccessToken(settings.apiKey, settings.apiSecret, {
        identity: request.identity,
        name: request.name,
        ttl: request.ttlSeconds,
        ...(request.metadata ? { metadata: request.metadata } : {}),
      });
      const grant = grantFor(request.role, request.room);
      at.addGrant({ ...grant, canPublishSources: grant.canPublishSources.map((s) => SOURCES[s]) });
      return at.toJwt();
    },
    listParticipants: (room) =>
      guarded(async () => {
        const list = await rooms.listParticipants(room);
        return list.map((p) => ({
          identity: p.identity,
          name: p.name,
          joinedAt: p.joinedAt ? new Date(Number(p.joinedAt) * 1000) : null,
        }));
      }),
    removeParticipant: (room, identity) => guarded(() => rooms.removeParticipant(room, identity)),
    // Deleting a room that is already gone is what the caller wanted.
    deleteRoom: (room) =>
      guarded(async () => {
        try {
          await rooms.deleteRoom(room);
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
      }),
    listRooms: () =>
      guarded(async () => {
        const list = await rooms.listRooms();
        return list.map((r) => ({
          name: r.name,
          participants: r.numParticipants,
          createdAt: r.creationTime ? new Date(Number(r.creationTime) * 1000) : null,
        }));
      }),
    receiveWebhook: (body, authorization) => receiver.receive(body, authorization),
  };
}

/** Used when no LiveKit server is configured: joining says so, everything else keeps working. */
export function createUnconfiguredVideoGateway(): VideoGateway {
  const unavailable = async (): Promise<never> => {
    throw new VideoServiceError('unconfigured');
  };
  return {
    configured: false,
    publicUrl: '',
    ensureRoom: unavailable,
    mintToken: unavailable,
    listParticipants: unavailable,
    removeParticipant: unavailable,
    deleteRoom: unavailable,
    listRooms: unavailable,
    receiveWebhook: unavailable,
  };
}
