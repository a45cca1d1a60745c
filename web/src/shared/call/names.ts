// What LiveKit's identities and disconnect reasons mean for the pages: the peer's role and why a call ended.
import { DisconnectReason } from 'livekit-client';
import type { EndReason, RemotePeer } from './types.ts';

export function roleOf(identity: string): RemotePeer['role'] {
  const prefix = identity.split(':')[0];
  return prefix === 'citizen' || prefix === 'counsellor' || prefix === 'interpreter' ? prefix : 'other';
}

export function endReasonOf(reason: DisconnectReason | undefined): EndReason {
  switch (reason) {
    case DisconnectReason.CLIENT_INITIATED:
      return 'left';
    case DisconnectReason.ROOM_DELETED:
    case DisconnectReason.ROOM_CLOSED:
      return 'ended';
    case DisconnectReason.PARTICIPANT_REMOVED:
      return 'removed';
    case DisconnectReason.DUPLICATE_IDENTITY:
      return 'duplicate';
    default:
      return 'lost';
  }
}
