// Staff session rules: lifetime, idle refresh, cookie attributes (Secure except on http://localhost).
export const SESSION_COOKIE = 'br_session';
export const SESSION_IDLE_MINUTES = 8 * 60;
export const SESSION_TOUCH_AFTER_MINUTES = 5;

export function sessionExpiry(now: Date): Date {
  return new Date(now.getTime() + SESSION_IDLE_MINUTES * 60_000);
}

/** Cookies are Secure everywhere except plain-http localhost development. */
export function cookieIsSecure(publicBaseUrl: string): boolean {
  const u = new URL(publicBaseUrl);
  if (u.protocol === 'https:') return true;
  return !(u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]');
}
