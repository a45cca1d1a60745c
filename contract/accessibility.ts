// valibot schemas for the accessibility feedback form and the operator's list of it.
import * as v from 'valibot';
import { LANGUAGES } from './shared.ts';

// Only what was meant as text: control characters other than line breaks are dropped.
const text = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.transform((s) => s.replace(/[^\P{Cc}\n]/gu, '')),
    v.maxLength(max, `must be at most ${max} characters`),
  );

export const FeedbackSchema = v.strictObject({
  message: v.pipe(text(4000), v.minLength(1, 'is required')),
  contact: v.optional(
    v.nullable(
      v.pipe(
        text(200),
        v.transform((s) => (s === '' ? null : s)),
      ),
    ),
    null,
  ),
  page: v.optional(
    v.nullable(
      v.pipe(v.string(), v.trim(), v.maxLength(200), v.regex(/^\/[^\s]*$/, 'must be a path on this site')),
    ),
    null,
  ),
  language: v.optional(v.picklist(LANGUAGES, `must be one of ${LANGUAGES.join(', ')}`), 'de'),
});

export type FeedbackInput = v.InferOutput<typeof FeedbackSchema>;

export const FeedbackListSchema = v.strictObject({
  status: v.optional(v.picklist(['open', 'all'], 'must be open or all'), 'open'),
});
