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
