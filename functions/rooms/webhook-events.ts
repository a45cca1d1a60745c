// Turns a verified LiveKit webhook event into the record the database keeps (pure; no SDK types needed).
import { parseIdentity } from './token-scope.ts';

/** The fields of LiveKit's WebhookEvent this application reads. */
export interface WebhookEventLike {
  id: string;
  event: string;
  createdAt: bigint | number;
  room?: { sid: string; name: string; creationTime: bigint | number; numParticipants: number } | undefined;
  participant?: { identity: string } | undefined;
}

interface RoomRef {
  roomSid: string;
  roomName: string;
  startedAt: Date;
  at: Date;
}

export type RoomRecord =
  | ({ kind: 'room_started' } & RoomRef)
  | ({ kind: 'room_finished' } & RoomRef)
  | ({
      kind: 'participant';
      webhookId: string;
      event: 'joined' | 'left';
      identity: string;
      role: 'citizen' | 'counsellor' | 'other';
      /** The booking the identity names; the repository checks it against the room. */
      identityBookingId: string | null;
      participants: number;
    } & RoomRef)
  | { kind: 'ignored'; event: string };

function seconds(value: bigint | number): Date | null {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : null;
}

/**
 * Maps room and participant events; everything else (tracks, egress, …) is ignored.
 * `receivedAt` stands in for a missing timestamp.
 */
export function toRoomRecord(e: WebhookEventLike, receivedAt: Date): RoomRecord {
  const room = e.room;
  if (!room?.sid || !room.name) return { kind: 'ignored', event: e.event };
  const at = seconds(e.createdAt) ?? receivedAt;
  const ref: RoomRef = {
    roomSid: room.sid,
    roomName: room.name,
    startedAt: seconds(room.creationTime) ?? at,
    at,
  };
  switch (e.event) {
    case 'room_started':
      return { kind: 'room_started', ...ref };
    case 'room_finished':
      return { kind: 'room_finished', ...ref };
    case 'participant_joined':
    case 'participant_left': {
      const identity = e.participant?.identity;
      if (!identity || !e.id) return { kind: 'ignored', event: e.event };
      const parsed = parseIdentity(identity);
      return {
        kind: 'participant',
        ...ref,
        webhookId: e.id,
        event: e.event === 'participant_joined' ? 'joined' : 'left',
        identity,
        role: parsed.role,
        identityBookingId: parsed.role === 'other' ? null : parsed.bookingId,
        participants: room.numParticipants,
      };
    }
    default:
      return { kind: 'ignored', event: e.event };
  }
}
