// How the rooms feature answers over HTTP when a join cannot go ahead: outside the join window, or the video system failed.
import type { Config } from '../env.ts';
import { AppError } from '../http/problem.ts';
import { VideoServiceError } from '../platform/ports.ts';
import { evaluateJoinWindow } from './join-window.ts';
import type { RoomBooking } from './repository.ts';

/** The problem for a failure of the video gateway, or undefined when `error` is none. */
export function videoProblem(error: unknown): AppError | undefined {
  if (!(error instanceof VideoServiceError)) return undefined;
  switch (error.reason) {
    case 'not_found':
      return new AppError('not_found', { detail: 'Not found in the video service.', cause: error });
    case 'unconfigured':
      return new AppError('video_unavailable', {
        detail: 'No video server is configured.',
        retryAfterSeconds: 60,
        cause: error,
      });
    case 'unavailable':
      return new AppError('video_unavailable', {
        detail: 'The video service cannot be reached right now. Please try again in a minute.',
        retryAfterSeconds: 10,
        cause: error,
      });
  }
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
