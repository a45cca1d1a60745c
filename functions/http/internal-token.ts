// Compares a request's bearer token with the configured internal token without leaking it through timing.
import { sha256 } from '../platform/sha256.ts';

/** False when no token is configured, so the endpoint does not exist until an operator sets one. */
export async function bearerMatches(header: string | undefined, expected: string): Promise<boolean> {
  if (!expected || !header) return false;
  const match = /^Bearer ([^\s]+)$/.exec(header.trim());
  if (!match?.[1]) return false;
  const [a, b] = await Promise.all([sha256(match[1]), sha256(expected)]);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
