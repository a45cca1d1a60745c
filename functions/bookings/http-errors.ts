// How the booking flows' own refusals answer over HTTP: the one place that turns them into problems.
import { AppError } from '../http/problem.ts';
import { BookingGateRefused } from './gate.ts';
import { type RequestKeyRefusal, RequestKeyRefused } from './request-keys.ts';
import { type VerificationStop, VerificationStopped } from './verification.ts';

/** The problem for a refusal of the booking gate or a stop of the phone verification, else undefined. */
export function bookingProblem(error: unknown): AppError | undefined {
  if (error instanceof BookingGateRefused)
    return new AppError('database_unavailable', {
      retryAfterSeconds: 2,
      detail: 'Bookings are not possible right now. Please try again shortly.',
      cause: error,
    });
  if (error instanceof VerificationStopped) return verificationProblem(error.stop);
  if (error instanceof RequestKeyRefused) return requestKeyProblem(error.refusal);
  return undefined;
}

function requestKeyProblem(refusal: RequestKeyRefusal): AppError {
  switch (refusal.reason) {
    case 'malformed':
      return new AppError('invalid_request', {
        detail: 'Idempotency-Key must be 16 to 128 letters, digits, "-" or "_".',
        extra: { header: 'Idempotency-Key' },
      });
    case 'reused':
      return new AppError('conflict', {
        detail: 'This Idempotency-Key was already used for a different booking request.',
        extra: { reason: 'idempotency_key_reused' },
      });
    case 'links_unreadable':
      // Sealed by a process with other LINK_ENCRYPTION_KEYS: the booking stands, its SMS has the links.
      return new AppError('conflict', {
        detail: 'This booking was already made. The confirmation SMS has its links.',
        extra: { reason: 'idempotency_key_used', booking: refusal.booking },
      });
  }
}

function verificationProblem(stop: VerificationStop): AppError {
  switch (stop.reason) {
    case 'codes_per_number':
      return new AppError('rate_limited', {
        detail: 'Too many codes for this mobile number. Please try again in an hour.',
        retryAfterSeconds: 3600,
        extra: { limit: 'phone-codes' },
      });
    case 'sms_budget':
      return new AppError('rate_limited', {
        detail: 'We cannot send more text messages today. Please try again tomorrow or call us.',
        retryAfterSeconds: stop.retryAfterSeconds,
        extra: { limit: 'sms-budget' },
      });
    case 'sms_unavailable':
      return new AppError('sms_unavailable', {
        detail: 'We could not send the code right now. Please try again in a minute.',
        retryAfterSeconds: 30,
      });
    case 'code_sent':
      return new AppError('phone_verification_required', {
        detail: 'Please enter the code we just sent to your mobile number.',
        extra: { verificationId: stop.verificationId },
      });
    case 'wrong_code':
      return new AppError('validation_failed', {
        detail: 'The code is not right. Please check the text message or ask for a new code.',
        errors: [{ path: 'verification.code', message: stop.message }],
      });
  }
}
