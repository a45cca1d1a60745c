// Every per-client limit of the public endpoints in one place, counted in the shared PostgreSQL limiter.
import type { Context } from 'hono';
import { clientKey } from '../platform/client-keys.ts';
import { clientAddress } from './client-address.ts';
import type { AppEnv } from './context.ts';
import { AppError } from './problem.ts';

export interface ClientLimit {
  scope: string;
  limit: number;
  windowMs: number;
  /** What the citizen reads in the 429 problem. */
  detail: string;
}

const MINUTE = 60_000;

/** What the citizen reads in the 429 problem. */
const UNKNOWN_LINKS = 'Too many unknown links from your connection. Please wait a minute.';
const SURVEY_FLOOD = 'Too many survey answers from your connection. Please try again in a few minutes.';
const REPORTS_PER_MINUTE = 'Too many reports from your connection. Please wait a minute.';
const REPORTS_PER_TEN_MINUTES = 'Too many reports from your connection. Please try again in a few minutes.';

function clientLimit(scope: string, limit: number, windowMs: number, detail: string): ClientLimit {
  return { scope, limit, windowMs, detail };
}

/** Unknown join codes per client and minute (known codes always pass, see guardedLookup). */
export const JOIN_MISSES = clientLimit('join-miss', 6, MINUTE, UNKNOWN_LINKS);
/** Unknown manage tokens per client and minute. */
export const MANAGE_MISSES = clientLimit('manage-miss', 10, MINUTE, UNKNOWN_LINKS);
/** Survey answers per client and ten minutes, counted before the code is looked up. */
export const SURVEY_REQUESTS = clientLimit('survey', 10, 10 * MINUTE, SURVEY_FLOOD);
/** Connection-problem reports per client and minute. */
export const JOIN_FAILURE_REPORTS = clientLimit('join-failure', 10, MINUTE, REPORTS_PER_MINUTE);

/** TURN credentials for the booking page's connection check (no join code there): a page load and a few
 * repeats per person; the relay only reaches the SFU (docs/security.md), so a credential is worth little. */
export const ICE_PROBES: ClientLimit = {
  scope: 'probe-ice',
  limit: 10,
  windowMs: MINUTE,
  detail: 'Too many connection checks from your connection. Please wait a minute.',
};

/** Calendar-feed fetches per client and minute: calendar programs poll every few minutes at most; this only slows scanners. */
export const CALENDAR_FEED_REQUESTS: ClientLimit = {
  scope: 'calendar-feed',
  limit: 30,
  windowMs: MINUTE,
  detail: 'Too many calendar requests from your connection. Please wait a minute.',
};

/** Barrier reports (accessibility feedback) per client and ten minutes: enough for a person, too few to flood. */
export const ACCESSIBILITY_REPORTS = clientLimit('a11y-feedback', 5, 10 * MINUTE, REPORTS_PER_TEN_MINUTES);

export function rateLimited(
  detail: string,
  retryAfterSeconds: number,
  extra?: Record<string, unknown>,
): AppError {
  return new AppError('rate_limited', { detail, retryAfterSeconds, ...(extra ? { extra } : {}) });
}

/** The HMAC key of this request's client for `scope`. */
export function requestClientKey<E extends AppEnv>(c: Context<E>, scope: string): Promise<string> {
  return clientKey(c.get('db'), scope, clientAddress(c), c.get('clock').now());
}

/** Counts one request of this client against `l`; throws 429 with Retry-After once it is over. */
export async function hitClientLimit<E extends AppEnv>(c: Context<E>, l: ClientLimit): Promise<void> {
  const limits = c.get('limits');
  if (!limits.enabled) return;
  const result = await limits.hit(
    await requestClientKey(c, l.scope),
    l.limit,
    l.windowMs,
    c.get('clock').now(),
  );
  if (!result.ok) throw rateLimited(l.detail, result.retryAfterSeconds, { limit: l.scope });
}

/**
 * Looks a secret up while slowing guessing: a known secret always passes, so a client over the limit
 * (or a neighbour behind the same carrier NAT) still gets in with a real link; unknown ones are
 * counted, and once the client is over the limit they answer 429 instead of 404. The secrets are
 * 128-bit random, so the limit is about load and noise, not about making guessing feasible.
 */
export async function guardedLookup<T>(
  c: Context<AppEnv>,
  l: ClientLimit,
  lookup: () => Promise<T | undefined>,
  unknown: () => AppError,
): Promise<T> {
  const found = await lookup();
  if (found !== undefined) return found;
  await hitClientLimit(c, l);
  throw unknown();
}
