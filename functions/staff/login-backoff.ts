// Login backoff policies: failures per (client, account) and per client fade with a half-life and
// block only that client for a growing time; the account itself is never locked. Counted by the
// shared limiter (platform/rate-limiter.ts) with the decaying core in platform/backoff.ts.
import type { BackoffPolicy } from '../platform/backoff.ts';

export { afterFailure, decayedScore, secondsBlocked } from '../platform/backoff.ts';

/** Per (client, account): five free tries, then 2 s, 4 s, 8 s … up to 15 minutes. */
export const ACCOUNT_POLICY: BackoffPolicy = {
  freeFailures: 5,
  halfLifeMs: 30 * 60_000,
  maxBlockMs: 15 * 60_000,
};

/** Per client across all accounts: an office behind one address may mistype often, a sprayer may not. */
export const CLIENT_POLICY: BackoffPolicy = {
  freeFailures: 30,
  halfLifeMs: 30 * 60_000,
  maxBlockMs: 15 * 60_000,
};
