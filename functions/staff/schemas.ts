// valibot schemas for staff authentication.
import * as v from 'valibot';

export const LoginSchema = v.strictObject({
  email: v.pipe(
    v.string(),
    v.trim(),
    v.toLowerCase(),
    v.maxLength(320),
    v.email('must be an e-mail address'),
  ),
  password: v.pipe(v.string(), v.minLength(1, 'is required'), v.maxLength(1024)),
});
