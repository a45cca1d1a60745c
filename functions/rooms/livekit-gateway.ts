// The VideoGateway over a LiveKit server: rooms via RoomService, tokens via AccessToken, webhooks verified.
import { AccessToken, RoomServiceClient, TrackSource, WebhookReceiver } from 'livekit-server-sdk';
import type { VideoGateway } from '../http/context.ts';
import { AppError } from '../http/problem.ts';

export interface LiveKitSettings {
  url: string;
  publicUrl: string;
  apiKey: string;
  apiSecret: string;
}

function toHttp(url: string): string {
  return url.replace(/^ws(s?):/, 'http$1:');
}

/** Wraps failures of the video server as 503 `video_unavailable`. */
async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (cause) {
    throw new AppError('video_unavailable', {
      detail: 'The video service cannot be reached right now. Please try again in a minute.',
      retryAfterSeconds: 10,
      cause,
    });
  }
}

export function createLiveKitGateway(settings: LiveKitSettings): VideoGateway {
  const rooms = new RoomServiceClient(toHttp(settings.url), settings.apiKey, settings.apiSecret);
  const receiver = new WebhookReceiver(settings.apiKey, settings.apiSecret);
  return {
    configured: true,
    publicUrl: settings.publicUrl || settings.url,
    ensureRoom: (name, options) =>
      guarded(async () => {
        await rooms.createRoom({
          name,
          maxParticipants: options.maxParticipants,
          emptyTimeout: options.emptyTimeoutSeconds,
          departureTimeout: 60,
        });
      }),
    async mintToken(request) {
      const at = new AccessToken(settings.apiKey, settings.apiSecret, {
        identity: request.identity,
        name: request.name,
        ttl: request.ttlSeconds,
        ...(request.metadata ? { metadata: request.metadata } : {}),
      });
      const counsellor = request.role === 'counsellor';
      at.addGrant({
        room: request.room,
        roomJoin: true,
        roomAdmin: counsellor,
        roomCreate: false,
        roomList: false,
        roomRecord: false,
        ingressAdmin: false,
        canPublish: true,
        canSubscribe: true,
        canPublishData: true,
        canUpdateOwnMetadata: false,
        hidden: false,
        recorder: false,
        canPublishSources: counsellor
          ? [
              TrackSource.CAMERA,
              TrackSource.MICROPHONE,
              TrackSource.SCREEN_SHARE,
              TrackSource.SCREEN_SHARE_AUDIO,
            ]
          : [TrackSource.CAMERA, TrackSource.MICROPHONE],
      });
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
    deleteRoom: (room) => guarded(() => rooms.deleteRoom(room)),
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
    throw new AppError('video_unavailable', {
      detail: 'No video server is configured.',
      retryAfterSeconds: 60,
    });
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
    receiveWebhook: async () => {
      throw new AppError('unauthorized', { detail: 'No video server is configured.' });
    },
  };
}
