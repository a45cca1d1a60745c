// valibot schema for the citizen survey after a session.
import * as v from 'valibot';

export const SurveySchema = v.strictObject({
  code: v.pipe(v.string(), v.minLength(1, 'is required'), v.maxLength(128)),
  recommend: v.boolean('must be true or false'),
  easeOfUse: v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(1, 'must be 1 to 5'),
    v.maxValue(5, 'must be 1 to 5'),
  ),
  comment: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.trim(),
        v.maxLength(2000, 'must be at most 2000 characters'),
        // Only what was meant as text: control characters other than line breaks are dropped.
        v.transform((s) => s.replace(/[^\P{Cc}\n]/gu, '')),
      ),
    ),
  ),
});

export type SurveyInput = v.InferOutput<typeof SurveySchema>;

/** 201 of POST /api/survey: what was stored (no code, no booking). */
export const SurveyStored = v.object({
  survey: v.object({ recommend: v.boolean(), easeOfUse: v.number(), comment: v.nullable(v.string()) }),
});

/** What the survey form sends. */
export type SurveyRequest = v.InferInput<typeof SurveySchema>;
