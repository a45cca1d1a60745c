// valibot schemas for staff authentication and account self-service.
import * as v from 'valibot';

const email = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(320),
  v.email('must be an e-mail address'),
);
const password = v.pipe(v.string(), v.minLength(1, 'is required'), v.maxLength(1024));
const totpCode = v.pipe(v.string(), v.trim(), v.regex(/^\d{6}$/, 'must be the six digits from the app'));

export const LoginSchema = v.strictObject({
  email,
  password,
  totp: v.optional(totpCode),
});

export const PasswordChangeSchema = v.strictObject({
  currentPassword: password,
  newPassword: password,
});

export const TotpConfirmSchema = v.strictObject({ code: totpCode });

export const LocalLoginSchema = v.strictObject({ localLogin: v.picklist(['on', 'break_glass']) });

export const OidcStartQuery = v.object({
  returnTo: v.optional(v.picklist(['/counsellor', '/admin']), '/counsellor'),
});

export const OidcCallbackQuery = v.object({
  state: v.optional(v.pipe(v.string(), v.maxLength(200))),
  code: v.optional(v.pipe(v.string(), v.maxLength(4000))),
  error: v.optional(v.pipe(v.string(), v.maxLength(200))),
  session_state: v.optional(v.string()),
  iss: v.optional(v.string()),
  error_description: v.optional(v.string()),
});

// Responses.

/** The signed-in staff member. */
export const StaffUser = v.object({
  id: v.string(),
  email: v.string(),
  displayName: v.string(),
  role: v.picklist(['counsellor', 'operator']),
  supervisor: v.boolean(),
  counsellorId: v.nullable(v.string()),
});
export type StaffUser = v.InferOutput<typeof StaffUser>;

/** A step the account must take before it may use the consoles. */
export const Pending = v.nullable(v.picklist(['password_change', 'totp_setup']));
export type Pending = v.InferOutput<typeof Pending>;

/** POST /api/auth/login. */
export const LoginResult = v.object({
  user: StaffUser,
  csrfToken: v.string(),
  pending: Pending,
  passwordResetAt: v.nullable(v.string()),
});
export type LoginResult = v.InferOutput<typeof LoginResult>;

/** GET /api/auth/me. */
export const Me = v.object({
  ...LoginResult.entries,
  authMethod: v.picklist(['password', 'oidc']),
});
export type Me = v.InferOutput<typeof Me>;

/** GET /api/auth/options: what the login page offers. */
export const LoginOptions = v.object({
  localLogin: v.picklist(['on', 'break_glass', 'off']),
  sso: v.nullable(v.object({ label: v.string() })),
});
export type LoginOptions = v.InferOutput<typeof LoginOptions>;

export const LoggedOut = v.object({
  status: v.literal('logged_out'),
  logoutUrl: v.optional(v.string()),
  sessionsEnded: v.optional(v.number()),
});

export const PasswordChanged = v.object({
  status: v.literal('changed'),
  pending: Pending,
  otherSessionsEnded: v.number(),
});

export const TotpSetup = v.object({ secret: v.string(), uri: v.string() });
export type TotpSetup = v.InferOutput<typeof TotpSetup>;

export const TotpEnabled = v.object({ status: v.literal('enabled'), pending: Pending });

export const StaffSession = v.object({
  id: v.string(),
  current: v.boolean(),
  method: v.string(),
  userAgent: v.nullable(v.string()),
  createdAt: v.string(),
  lastSeenAt: v.string(),
  expiresAt: v.string(),
});
export type StaffSession = v.InferOutput<typeof StaffSession>;

export const SessionList = v.object({ sessions: v.array(StaffSession) });
export const SessionEndedStatus = v.object({ status: v.literal('ended') });

/** GET /api/admin/login-settings. */
export const LoginSettings = v.object({
  localLogin: v.picklist(['on', 'break_glass', 'off']),
  ssoConfigured: v.boolean(),
  operatorTotp: v.string(),
});
export type LoginSettings = v.InferOutput<typeof LoginSettings>;

export const LocalLoginSaved = v.object({ localLogin: v.picklist(['on', 'break_glass', 'off']) });
