// Pure delivery rules: retry backoff with jitter, whether a claimed message may still go out, and redacting sent links.
import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';
import type { BookingStatus, OutboxKind } from '../db/database.ts';

export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 60 * 60_000;

/**
 * Wait before the next attempt after `attempts` failed ones: exponential from 30 s, capped at one
 * hour, with "equal jitter" (half fixed, half random) so many messages failing together do not
 * hammer a recovering gateway in lockstep. `random` is in [0, 1).
 * @example retryDelayMs(1, 0) // 15_000; retryDelayMs(3, 0.999) // just under 120_000
 */
export function retryDelayMs(attempts: number, random: number): number {
  const exp = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, Math.min(attempts - 1, 20)));
  const r = Math.min(Math.max(random, 0), 0.999_999);
  return Math.round(exp / 2 + (exp / 2) * r);
}

export interface MessageForDecision {
  kind: OutboxKind;
  recipient: string | null;
  body: string | null;
}

export interface BookingForDecision {
  status: BookingStatus;
  smsOptOut: boolean;
  start: Date;
  end: Date;
}

export type SendDecision =
  | { send: true }
  | {
      send: false;
      /** `cancelled`: nothing to deliver any more; `dead`: cannot be delivered, the operator should see it. */
      outcome: 'cancelled' | 'dead';
      reason: 'erased' | 'opted_out' | 'booking_cancelled' | 'too_late' | 'not_mobile';
    };

// Messages that only make sense while the appointment is still ahead or running.
const ENDS_WITH_APPOINTMENT: ReadonlySet<OutboxKind> = new Set([
  'confirmation',
  'reminder',
  'rescheduled',
  'counsellor_ready',
  'running_late',
  'adhoc_link',
]);

/**
 * Decides at send time whether a claimed message still goes out: opt-outs and cancellations
 * that happened after queueing win, reminders are not sent once the appointment has begun.
 */
export function decideSend(
  message: MessageForDecision,
  booking: BookingForDecision | null,
  now: Date,
): SendDecision {
  if (!message.recipient || !message.body) return { send: false, outcome: 'cancelled', reason: 'erased' };
  if (booking?.smsOptOut) return { send: false, outcome: 'cancelled', reason: 'opted_out' };
  if (booking && ENDS_WITH_APPOINTMENT.has(message.kind)) {
    if (booking.status === 'cancelled')
      return { send: false, outcome: 'cancelled', reason: 'booking_cancelled' };
    const deadline = message.kind === 'reminder' ? booking.start : booking.end;
    if (now.getTime() >= deadline.getTime()) return { send: false, outcome: 'cancelled', reason: 'too_late' };
  }
  if (!isMobileNumber(message.recipient)) return { send: false, outcome: 'dead', reason: 'not_mobile' };
  return { send: true };
}

/** True for an E.164 number that is a valid mobile number (SMS can reach it). */
export function isMobileNumber(e164: string): boolean {
  if (!/^\+[1-9]\d{6,14}$/.test(e164)) return false;
  return parsePhoneNumberFromString(e164)?.isValid() ?? false;
}

// A secret in clear, or sealed while the message waits (platform/link-seal.ts).
const SECRET_PATH = /\/(j|m)\/(?:[A-Za-z0-9_-]{16,}|\{\{seal:[A-Za-z0-9]{1,16}\.[A-Za-z0-9_-]+\}\})/g;

/**
 * Removes join codes and manage tokens from a text that no longer needs them (sent or cancelled
 * messages, operator views), whether in clear or sealed.
 * @example redactSecrets('Join:\nhttps://x.de/j/AbC...') // 'Join:\nhttps://x.de/j/[redacted]'
 */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_PATH, '/$1/[redacted]');
}
