// The client address for rate limits: the first hop of `x-forwarded-for`, which the reverse proxy must set.
import type { Context } from 'hono';
import { sha256 } from '../platform/sha256.ts';

/** Without a proxy header every client shares one key, so deployments must run behind a proxy that sets it. */
export const UNKNOWN_CLIENT = 'direct';

export function clientAddress(c: Context): string {
  const first = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  return first && first.length <= 64 ? first.toLowerCase() : UNKNOWN_CLIENT;
}

/** A short SHA-256 of the address: rate-limit rows never hold the address itself. */
export async function clientKey(address: string): Promise<string> {
  const digest = await sha256(`join:${address}`);
  return [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
