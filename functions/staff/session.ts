// Staff session rules: absolute and idle lifetimes, when to refresh, cookie name and attributes.
import type { Config } from '../env.ts';

export const PLAIN_COOKIE = 'br_session';
/** Browsers accept a `__Host-` cookie only with Secure, Path=/ and no Domain, so no subdomain can set or read it. */
export const HOST_COOKIE = '__Host-br_session';

export interface SessionLimits {
  absoluteMinutes: number;
  idleMinutes: number;
}

export function sessionLimits(config: Config): SessionLimits {
  return { absoluteMinutes: config.SESSION_ABSOLUTE_HOURS * 60, idleMinutes: config.SESSION_IDLE_MINUTES };
}

/** The absolute end of a session started at `now`. */
export function absoluteExpiry(now: Date, limits: SessionLimits): Date {
  return new Date(now.getTime() + limits.absoluteMinutes * 60_000);
}

/**
 * The idle end after activity at `now`, never past the absolute end.
 * @example idleExpiry(10:00, 17:50 absolute, 30 min idle) → 10:30; at 17:40 → 17:50
 */
export function idleExpiry(now: Date, absolute: Date, limits: SessionLimits): Date {
  return new Date(Math.min(now.getTime() + limits.idleMinutes * 60_000, absolute.getTime()));
}

/** Refresh the idle end at most once a minute (or a tenth of the idle time), not on every request. */
export function needsTouch(now: Date, lastSeen: Date, limits: SessionLimits): boolean {
  const every = Math.min(60_000, (limits.idleMinutes * 60_000) / 10);
  return now.getTime() - lastSeen.getTime() >= every;
}

/** Cookies are Secure everywhere except plain-http localhost development. */
export function cookieIsSecure(publicBaseUrl: string): boolean {
  const u = new URL(publicBaseUrl);
  if (u.protocol === 'https:') return true;
  return !(u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]');
}

/** The session cookie's name: `__Host-` whenever the cookie is Secure. */
export function sessionCookieName(publicBaseUrl: string): string {
  return cookieIsSecure(publicBaseUrl) ? HOST_COOKIE : PLAIN_COOKIE;
}
