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
/** What the barrier report form sends. */
export type FeedbackRequest = v.InferInput<typeof FeedbackSchema>;

export const FeedbackListSchema = v.strictObject({
  status: v.optional(v.picklist(['open', 'all'], 'must be open or all'), 'open'),
});

// Responses.

/** GET /api/accessibility: contacts, conciliation body and sign-language video of the accessibility pages. */
export const AccessibilityInfo = v.object({
  contactEmail: v.nullable(v.string()),
  contactPhone: v.nullable(v.string()),
  enforcementUrl: v.string(),
  signLanguageVideo: v.nullable(v.string()),
});
export type AccessibilityInfo = v.InferOutput<typeof AccessibilityInfo>;

export const FeedbackStored = v.object({ feedback: v.object({ id: v.string(), createdAt: v.string() }) });

export const FeedbackReport = v.object({
  id: v.string(),
  message: v.string(),
  contact: v.nullable(v.string()),
  page: v.nullable(v.string()),
  language: v.string(),
  createdAt: v.string(),
  handledAt: v.nullable(v.string()),
});
export type FeedbackReport = v.InferOutput<typeof FeedbackReport>;

export const FeedbackList = v.object({ feedback: v.array(FeedbackReport) });
export const FeedbackHandled = v.object({ handled: v.literal(true) });
