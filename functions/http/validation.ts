// The one validation hook: valibot issues become a 400/422 problem with `errors: [{ path, message }]`.
import { vValidator } from '@hono/valibot-validator';
import type { Context, Next, ValidationTargets } from 'hono';
import * as v from 'valibot';
import { AppError, type FieldError } from './problem.ts';

export function issuesToFieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message }));
}

/** Validates one request part; malformed JSON is 400 `invalid_request`, schema failures 422 `validation_failed`. */
export function validate<Target extends keyof ValidationTargets, Schema extends v.GenericSchema>(
  target: Target,
  schema: Schema,
) {
  const inner = vValidator(target, schema, (result) => {
    if (!result.success) {
      const code = target === 'query' || target === 'param' ? 'invalid_request' : 'validation_failed';
      throw new AppError(code, {
        detail: 'The request does not match the expected shape.',
        errors: issuesToFieldErrors(result.issues),
      });
    }
  });
  if (target !== 'json') return inner;
  // A JSON endpoint given a form or text body says so (415) instead of validating an empty object.
  const requireJson = async function requireJsonMiddleware(c: Context, next: Next) {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/([a-z0-9.+-]*\+)?json\b/i.test(type)) {
      throw new AppError('unsupported_media_type', { detail: 'Send the body as application/json.' });
    }
    return inner(c as never, next);
  };
  return requireJson as unknown as typeof inner;
}
