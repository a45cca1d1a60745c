// The counsellor's calendar subscription: create or renew the secret URL, revoke it, and serve the feed.
import { Hono } from 'hono';
import type { AppEnv, StaffEnv } from '../http/context.ts';
import { CALENDAR_FEED_REQUESTS, hitClientLimit } from '../http/limits.ts';
import { AppError } from '../http/problem.ts';
import { generateSecret, hashSecret, looksLikeSecret } from '../platform/secrets.ts';
import { renderFeed } from './feed.ts';
import { counsellorOfFeed, deleteFeed, findFeed, loadFeedEntries, replaceFeedToken } from './repository.ts';

const DAY_MS = 86_400_000;
/** The feed shows this much past and future; calendar programs keep what they fetched earlier. */
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 400;

function counsellorIdOf(c: { get(key: 'actor'): StaffEnv['Variables']['actor'] }): string {
  const id = c.get('actor').counsellorId;
  if (!id) throw new AppError('forbidden', { detail: 'Only counsellors have a calendar feed.' });
  return id;
}

const feedUrl = (base: string, token: string) => `${base}/api/calendar-feed/${token}.ics`;

/** Mounted on /api/staff: the counsellor's own feed URL. */
export const calendarRoutes = new Hono<StaffEnv>()
  .get('/calendar-feed', async (c) => {
    const feed = await findFeed(c.get('db'), counsellorIdOf(c));
    return c.json({ active: !!feed, createdAt: feed?.created_at ?? null });
  })
  // Creates the URL, or replaces it (the old one stops working at once); the URL is shown only now.
  .post('/calendar-feed', async (c) => {
    const token = generateSecret();
    await replaceFeedToken(c.get('db'), counsellorIdOf(c), await hashSecret(token), c.get('clock').now());
    c.header('cache-control', 'no-store');
    return c.json({ url: feedUrl(c.get('config').PUBLIC_BASE_URL, token) }, 201);
  })
  .delete('/calendar-feed', async (c) => {
    if (!(await deleteFeed(c.get('db'), counsellorIdOf(c)))) throw new AppError('not_found');
    return c.json({ status: 'deleted' });
  });

/** Public: the subscription itself, authorised by the secret in its URL. */
export const calendarFeedRoutes = new Hono<AppEnv>().get('/api/calendar-feed/:file', async (c) => {
  const now = c.get('clock').now();
  await hitClientLimit(c, CALENDAR_FEED_REQUESTS);
  const token = c.req.param('file').replace(/\.ics$/, '');
  if (!looksLikeSecret(token)) throw new AppError('not_found');
  const db = c.get('db');
  const counsellorId = await counsellorOfFeed(db, await hashSecret(token));
  if (!counsellorId) throw new AppError('not_found');
  const entries = await loadFeedEntries(
    db,
    counsellorId,
    new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS),
    new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS),
  );
  const text = renderFeed(entries, new URL(c.get('config').PUBLIC_BASE_URL).hostname);
  return c.body(text, 200, {
    'content-type': 'text/calendar; charset=utf-8',
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
  });
});
