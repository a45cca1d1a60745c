// Opens a booking's room for one participant: window check, room creation before the first token, the token.
import type { Config } from '../env.ts';
import type { VideoGateway } from '../http/context.ts';
import type { Lang } from '../http/language.ts';
import { AppError } from '../http/problem.ts';
import { evaluateJoinWindow } from './join-window.ts';
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

/** Throws the problem a citizen or counsellor sees outside the join window; returns when the room closes. */
export function assertJoinable(booking: RoomBooking, now: Date, config: Config): Date {
  const result = evaluateJoinWindow(
    { status: booking.status, start: new Date(booking.start_at), end: new Date(booking.end_at) },
    now,
    {
      opensMinutesBefore: config.JOIN_OPENS_MINUTES_BEFORE,
      closesMinutesAfter: config.JOIN_CLOSES_MINUTES_AFTER,
    },
  );
  if (result.ok) return result.closesAt;
  switch (result.reason) {
    case 'join_not_open':
      throw new AppError('join_not_open', {
        detail: 'The video room opens shortly before the appointment.',
        retryAfterSeconds: (result.opensAt.getTime() - now.getTime()) / 1000,
        extra: { opensAt: result.opensAt.toISOString() },
      });
    case 'booking_cancelled':
      throw new AppError('booking_cancelled', { detail: 'This appointment was cancelled.' });
    case 'join_closed':
      throw new AppError('join_closed', { detail: 'This appointment is over.' });
  }
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
