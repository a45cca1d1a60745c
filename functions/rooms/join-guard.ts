// Finds a booking by its join code while slowing guessing: known codes always pass, unknown ones are counted per client.
import type { Context } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { guardedLookup, JOIN_MISSES } from '../http/limits.ts';
import { AppError } from '../http/problem.ts';
import { hashSecret, looksLikeSecret } from '../platform/secrets.ts';
import { findBookingByCodeHash, type RoomBooking } from './repository.ts';

export const CODE_MISS_LIMIT = JOIN_MISSES.limit;

function unknownCode(): AppError {
  // One answer for every code we do not know, whatever its shape.
  return new AppError('not_found', {
    detail: 'This link is not valid. Please check the link in your text message.',
  });
}

/** The booking for `code`, or 404 `not_found`; 429 `rate_limited` for unknown codes once the client guessed too often. */
export async function bookingForCode(c: Context<AppEnv>, code: string): Promise<RoomBooking> {
  return guardedLookup(
    c,
    JOIN_MISSES,
    async () =>
      looksLikeSecret(code) ? findBookingByCodeHash(c.get('db'), await hashSecret(code)) : undefined,
    unknownCode,
  );
}
