// The one validation hook: valibot issues become a 400/422 problem with `errors: [{ path, message }]`.
import { vValidator } from '@hono/valibot-validator';
import type { ValidationTargets } from 'hono';
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
  return vValidator(target, schema, (result) => {
    if (!result.success) {
      const code = target === 'query' || target === 'param' ? 'invalid_request' : 'validation_failed';
      throw new AppError(code, {
        detail: 'The request does not match the expected shape.',
        errors: issuesToFieldErrors(result.issues),
      });
    }
  });
}
