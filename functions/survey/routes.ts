// POST /api/survey: the citizen's two questions after a session, once per booking, keyed by the join code.
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { hitClientLimit, SURVEY_REQUESTS } from '../http/limits.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { hashSecret, looksLikeSecret } from '../platform/secrets.ts';
import { findSurveyBooking, insertSurveyAnswer } from './repository.ts';
import { SurveySchema } from './schemas.ts';
import { evaluateSurveyWindow } from './survey-window.ts';

export const surveyRoutes = new Hono<AppEnv>().post(
  '/api/survey',
  validate('json', SurveySchema),
  async (c) => {
    const input = c.req.valid('json');
    const now = c.get('clock').now();
    // Counted before the lookup, so over the limit even a real code answers 429: no oracle for join codes.
    await hitClientLimit(c, SURVEY_REQUESTS);
    const booking = looksLikeSecret(input.code)
      ? await findSurveyBooking(c.get('db'), await hashSecret(input.code))
      : undefined;
    if (!booking) throw new AppError('not_found', { detail: 'Unknown code.' });
    const window = evaluateSurveyWindow(
      { status: booking.status, start: booking.start_at, end: booking.end_at },
      now,
      c.get('config').JOIN_OPENS_MINUTES_BEFORE,
    );
    if (!window.ok) {
      if (window.reason === 'join_not_open')
        throw new AppError('join_not_open', {
          detail: 'The survey opens with the session.',
          extra: { opensAt: window.opensAt.toISOString() },
        });
      throw new AppError(window.reason);
    }
    const comment = input.comment ? input.comment : null;
    const stored = await insertSurveyAnswer(c.get('db'), {
      bookingId: booking.id,
      recommend: input.recommend,
      easeOfUse: input.easeOfUse,
      comment,
    });
    if (!stored) throw new AppError('already_answered', { detail: 'This survey was already answered.' });
    return c.json({ survey: { recommend: input.recommend, easeOfUse: input.easeOfUse, comment } }, 201);
  },
);
