// One error type with a closed set of codes, and its RFC 9457 problem+json rendering.
import { ERROR_STATUS, type ErrorCode } from '../../contract/errors.ts';

export type { ErrorCode };

/** The HTTP status of a problem code, as the contract names it. */
export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}

const TITLES: Record<ErrorCode, string> = {
  invalid_request: 'Invalid request',
  validation_failed: 'Validation failed',
  unauthorized: 'Login required',
  forbidden: 'Not allowed',
  csrf_failed: 'Missing or wrong CSRF token',
  totp_required: 'A one-time code from the authenticator app is required',
  password_change_required: 'Please choose a new password first',
  totp_setup_required: 'Please set up the authenticator app first',
  local_login_disabled: 'Log in with single sign-on',
  weak_password: 'The password is too weak',
  identity_provider_unavailable: 'The identity provider is unavailable',
  not_found: 'Not found',
  unknown_service: 'Unknown service',
  slot_unavailable: 'Slot no longer available',
  slot_invalid: 'Not a bookable slot',
  conflict: 'Conflict',
  already_answered: 'Already answered',
  adhoc_capacity_unavailable: 'No video capacity left for an immediate session',
  counsellor_busy: 'The counsellor has another appointment at this time',
  join_not_open: 'The session is not open yet',
  join_closed: 'The session is over',
  booking_cancelled: 'The appointment was cancelled',
  gone: 'Gone',
  payload_too_large: 'Request body too large',
  unsupported_media_type: 'Unsupported media type',
  method_not_allowed: 'Method not allowed',
  rate_limited: 'Too many requests',
  phone_verification_required: 'Please confirm your mobile number',
  database_unavailable: 'The database is unavailable',
  video_unavailable: 'The video service is unavailable',
  sms_unavailable: 'The SMS gateway is unavailable',
  misconfigured: 'The service is not configured safely',
  internal_error: 'Internal error',
};

export interface FieldError {
  path: string;
  message: string;
}

export interface AppErrorOptions {
  detail?: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
  extra?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string;
  readonly errors?: FieldError[];
  readonly retryAfterSeconds?: number;
  readonly extra?: Record<string, unknown>;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.detail ?? TITLES[code], { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = statusOf(code);
    this.detail = options.detail ?? TITLES[code];
    if (options.errors) this.errors = options.errors;
    if (options.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
    if (options.extra) this.extra = options.extra;
  }
}

/** Renders an error as an RFC 9457 response. */
export function problemResponse(error: AppError, requestId: string): Response {
  const body: Record<string, unknown> = {
    type: `https://beratungsraum.invalid/problems/${error.code.replaceAll('_', '-')}`,
    title: TITLES[error.code],
    status: error.status,
    detail: error.detail,
    code: error.code,
    requestId,
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.extra ?? {}),
  };
  const headers = new Headers({
    'content-type': 'application/problem+json; charset=utf-8',
    'cache-control': 'no-store',
  });
  if (error.retryAfterSeconds !== undefined)
    headers.set('retry-after', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  return new Response(JSON.stringify(body), { status: error.status, headers });
}
