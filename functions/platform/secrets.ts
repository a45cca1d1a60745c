// Join codes, manage tokens and room names: 128+ bits from the CSPRNG, URL-safe; only SHA-256 hashes are stored.
import { sha256 } from './sha256.ts';

const URL_SAFE = /^[A-Za-z0-9_-]{22,64}$/;

function base64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** A fresh secret of `bytes` random bytes (default 16 = 128 bits), base64url without padding. */
export function generateSecret(bytes = 16): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** SHA-256 of a secret, as stored in the database. */
export function hashSecret(secret: string): Promise<Uint8Array> {
  return sha256(secret);
}

/** True if the string could be a secret this system issued (cheap pre-check before any lookup). */
export function looksLikeSecret(value: string): boolean {
  return URL_SAFE.test(value);
}

/** An unguessable room name, unrelated to the join code. */
export function generateRoomName(): string {
  return `r_${generateSecret(16)}`;
}
