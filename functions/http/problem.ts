// One error type with a closed set of codes, and its RFC 9457 problem+json rendering.
export type ErrorCode =
  | 'invalid_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf_failed'
  | 'totp_required'
  | 'password_change_required'
  | 'totp_setup_required'
  | 'local_login_disabled'
  | 'weak_password'
  | 'identity_provider_unavailable'
  | 'not_found'
  | 'unknown_service'
  | 'slot_unavailable'
  | 'slot_invalid'
  | 'conflict'
  | 'already_answered'
  | 'adhoc_capacity_unavailable'
  | 'counsellor_busy'
  | 'join_not_open'
  | 'join_closed'
  | 'booking_cancelled'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'method_not_allowed'
  | 'rate_limited'
  | 'phone_verification_required'
  | 'database_unavailable'
  | 'video_unavailable'
  | 'sms_unavailable'
  | 'misconfigured'
  | 'internal_error';

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'invalid_request':
    case 'slot_invalid':
      return 400;
    case 'validation_failed':
    case 'unknown_service':
    case 'weak_password':
      return 422;
    case 'unauthorized':
    case 'totp_required':
      return 401;
    case 'forbidden':
    case 'csrf_failed':
    case 'password_change_required':
    case 'totp_setup_required':
    case 'local_login_disabled':
      return 403;
    case 'not_found':
      return 404;
    case 'method_not_allowed':
      return 405;
    case 'slot_unavailable':
    case 'conflict':
    case 'already_answered':
    case 'adhoc_capacity_unavailable':
    case 'counsellor_busy':
      return 409;
    case 'booking_cancelled':
    case 'join_closed':
    case 'gone':
      return 410;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'join_not_open':
      return 425;
    case 'phone_verification_required':
      return 428;
    case 'rate_limited':
      return 429;
    case 'database_unavailable':
    case 'video_unavailable':
    case 'sms_unavailable':
    case 'identity_provider_unavailable':
    case 'misconfigured':
      return 503;
    case 'internal_error':
      return 500;
  }
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
