// Finds a booking by its join code while slowing guessing: a handful of unknown codes per client and minute, then 429.
import type { Context } from 'hono';
import { hashSecret, looksLikeSecret } from '../bookings/secrets.ts';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { clientAddress, clientKey } from './client-address.ts';
import { countCodeMisses, findBookingByCodeHash, type RoomBooking, recordCodeMiss } from './repository.ts';

export const CODE_MISS_LIMIT = 6;
const WINDOW_MS = 60_000;

function unknownCode(): AppError {
  // One answer for every code we do not know, whatever its shape.
  return new AppError('not_found', {
    detail: 'This link is not valid. Please check the link in your text message.',
  });
}

/** The booking for `code`, or 404 `not_found`; 429 `rate_limited` once the client guessed too often. */
export async function bookingForCode(c: Context<AppEnv>, code: string): Promise<RoomBooking> {
  const db = c.get('db');
  const now = c.get('clock').now().getTime();
  const limited = c.get('config').RATE_LIMITS === 'on';
  const windowStart = new Date(now - (now % WINDOW_MS));
  const key = await clientKey(clientAddress(c));
  if (limited && (await countCodeMisses(db, key, windowStart)) >= CODE_MISS_LIMIT) {
    throw new AppError('rate_limited', {
      detail: 'Too many unknown links from your connection. Please wait a minute.',
      retryAfterSeconds: (windowStart.getTime() + WINDOW_MS - now) / 1000,
    });
  }
  const hash = await hashSecret(code);
  const booking = looksLikeSecret(code) ? await findBookingByCodeHash(db, hash) : undefined;
  if (booking) return booking;
  if (limited) await recordCodeMiss(db, key, windowStart, new Date(windowStart.getTime() - 10 * WINDOW_MS));
  throw unknownCode();
}
