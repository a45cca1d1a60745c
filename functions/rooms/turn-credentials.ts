// Short-lived credentials for LiveKit's embedded TURN server, made the way LiveKit makes them, so the join
// page can test UDP and TURN/TLS before the citizen joins (pure apart from the SHA-256 digest).

/** The alphabet of github.com/jxskiss/base62, which LiveKit uses for TURN user names and passwords. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * jxskiss/base62 (v1.1.0, encoder v2): 6 bits at a time from the end; values 30-31 and 62-63 take only 5 bits.
 *
 * @example
 * base62(new TextEncoder().encode('a')) // → 'hB'
 */
export function base62(src: Uint8Array): string {
  let pos = src.length * 8;
  let out = '';
  while (pos > 0) {
    let r = pos & 7;
    let i = pos >> 3;
    if (r === 0) {
      i -= 1;
      r = 8;
    }
    let b = (src[i] ?? 0) >> (8 - r);
    if (r < 6 && i > 0) b |= (src[i - 1] ?? 0) << r;
    b &= 0x3f;
    let size = 6;
    if ((b & 0x1e) === 0x1e) {
      if (pos > 6 || b > 0x1f) size = 5;
      b &= 0x1f;
    }
    out += ALPHABET[b];
    pos -= size;
  }
  return out;
}

export interface TurnCredentials {
  username: string;
  credential: string;
  expiresAt: Date;
}

/**
 * LiveKit's TURN credentials for a pseudo participant `id`: user name base62("KEY|ID|EXPIRY"), password
 * base62(sha256("SECRET|ID|EXPIRY")), EXPIRY in Unix seconds. LiveKit checks the expiry when an allocation
 * is made.
 */
export async function mintTurnCredentials(o: {
  apiKey: string;
  apiSecret: string;
  id: string;
  ttlSeconds: number;
  now: Date;
}): Promise<TurnCredentials> {
  const expiry = Math.floor(o.now.getTime() / 1000) + o.ttlSeconds;
  const text = new TextEncoder();
  const digest = await crypto.subtle.digest('SHA-256', text.encode(`${o.apiSecret}|${o.id}|${expiry}`));
  return {
    username: base62(text.encode(`${o.apiKey}|${o.id}|${expiry}`)),
    credential: base62(new Uint8Array(digest)),
    expiresAt: new Date(expiry * 1000),
  };
}
