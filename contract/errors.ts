// Every problem code the API emits with its HTTP status, and the RFC 9457 problem+json body that carries it.
import * as v from 'valibot';

/** The closed set of problem codes and the status each one answers with (functions/http/problem.ts renders them). */
export const ERROR_STATUS = {
  invalid_request: 400,
  slot_invalid: 400,
  unauthorized: 401,
  totp_required: 401,
  forbidden: 403,
  csrf_failed: 403,
  password_change_required: 403,
  totp_setup_required: 403,
  local_login_disabled: 403,
  not_found: 404,
  method_not_allowed: 405,
  slot_unavailable: 409,
  conflict: 409,
  already_answered: 409,
  adhoc_capacity_unavailable: 409,
  counsellor_busy: 409,
  booking_cancelled: 410,
  join_closed: 410,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  unknown_service: 422,
  weak_password: 422,
  join_not_open: 425,
  phone_verification_required: 428,
  rate_limited: 429,
  internal_error: 500,
  database_unavailable: 503,
  video_unavailable: 503,
  sms_unavailable: 503,
  identity_provider_unavailable: 503,
  misconfigured: 503,
} as const;

/** A problem code: the stable `code` of every error body. */
export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** One field's complaint in a 422 `validation_failed`. */
export interface FieldError {
  path: string;
  message: string;
}

/** The codes that answer with `status`. */
export function codesWithStatus(status: number): ErrorCode[] {
  return ERROR_CODES.filter((code) => ERROR_STATUS[code] === status);
}

/** The problem+json body; some codes add fields (opensAt, verificationId, retryAfterSeconds). */
export const Problem = v.looseObject({
  type: v.string(),
  title: v.string(),
  status: v.pipe(v.number(), v.integer()),
  detail: v.optional(v.string()),
  code: v.picklist(ERROR_CODES),
  requestId: v.string(),
  errors: v.optional(v.array(v.object({ path: v.string(), message: v.string() }))),
});
export type Problem = v.InferOutput<typeof Problem>;
