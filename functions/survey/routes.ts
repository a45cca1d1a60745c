// POST /api/survey: the citizen's two questions after a session, once per booking, keyed by the join code.
import { Hono } from 'hono';
import { hashSecret, looksLikeSecret } from '../bookings/secrets.ts';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { validate } from '../http/validation.ts';
import { findSurveyBooking, insertSurveyAnswer } from './repository.ts';
import { SurveySchema } from './schemas.ts';
import { evaluateSurveyWindow } from './survey-window.ts';

/** Unknown codes per client and window before answers slow down: the survey is no oracle for join codes. */
const MISS_LIMIT = 20;
const MISS_WINDOW_MS = 10 * 60_000;

export const surveyRoutes = new Hono<AppEnv>().post(
  '/api/survey',
  validate('json', SurveySchema),
  async (c) => {
    const input = c.req.valid('json');
    const now = c.get('clock').now();
    const client = c.req.header('x-forwarded-for')?.split(',')[0]?.trim().slice(0, 64) || 'direct';
    const booking = looksLikeSecret(input.code)
      ? await findSurveyBooking(c.get('db'), await hashSecret(input.code))
      : undefined;
    if (!booking) {
      const limited = c
        .get('rateLimiter')
        .hit(`survey-miss:${client}`, MISS_LIMIT, MISS_WINDOW_MS, now.getTime());
      if (!limited.ok) throw new AppError('rate_limited', { retryAfterSeconds: limited.retryAfterSeconds });
      throw new AppError('not_found', { detail: 'Unknown code.' });
    }
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
