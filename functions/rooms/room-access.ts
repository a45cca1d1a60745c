// Opens a booking's room for one participant: room creation before the first token, then the token.
import type { Lang } from '../http/language.ts';
import type { VideoGateway } from '../platform/ports.ts';
import { type RecordingNotice, recordingNotice } from './notice.ts';
import type { RoomBooking } from './repository.ts';
import { ROOM_EMPTY_TIMEOUT_SECONDS, type RoomRole, roomCapacity, TOKEN_TTL_SECONDS } from './token-scope.ts';

export interface RoomTicket {
  serverUrl: string;
  token: string;
  room: string;
  identity: string;
  role: RoomRole;
  start: string;
  end: string;
  closesAt: string;
  expiresAt: string;
  notice: RecordingNotice;
}

export interface Participant {
  role: RoomRole;
  identity: string;
  name: string;
}

/** Creates the room if needed (two seats, three with an interpreter; no egress) and mints a short-lived token for it alone. */
export async function issueRoomTicket(
  video: VideoGateway,
  booking: RoomBooking,
  who: Participant,
  lang: Lang,
  now: Date,
  closesAt: Date,
): Promise<RoomTicket> {
  await video.ensureRoom(booking.room_name, {
    // Ad-hoc rooms keep a seat free: the counsellor may invite an interpreter while the call runs,
    // and LiveKit cannot raise a room's limit once it exists.
    maxParticipants: roomCapacity({
      interpreter: booking.interpreter_language !== null || booking.kind === 'adhoc',
    }),
    emptyTimeoutSeconds: ROOM_EMPTY_TIMEOUT_SECONDS,
  });
  const token = await video.mintToken({
    room: booking.room_name,
    identity: who.identity,
    name: who.name,
    role: who.role,
    ttlSeconds: TOKEN_TTL_SECONDS,
    metadata: JSON.stringify({ role: who.role, bookingId: booking.id }),
  });
  return {
    serverUrl: video.publicUrl,
    token,
    room: booking.room_name,
    identity: who.identity,
    role: who.role,
    start: new Date(booking.start_at).toISOString(),
    end: new Date(booking.end_at).toISOString(),
    closesAt: closesAt.toISOString(),
    expiresAt: new Date(now.getTime() + TOKEN_TTL_SECONDS * 1000).toISOString(),
    notice: recordingNotice(lang),
  };
}
