// How the booking flows' own refusals answer over HTTP: the one place that turns them into problems.
import { AppError } from '../http/problem.ts';
import { BookingGateRefused } from './gate.ts';
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
  return undefined;
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
