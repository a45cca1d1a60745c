// Compares a request's bearer token with the configured internal token without leaking it through timing.

/** False when no token is configured, so the endpoint does not exist until an operator sets one. */
export async function bearerMatches(header: string | undefined, expected: string): Promise<boolean> {
  if (!expected || !header) return false;
  const match = /^Bearer ([^\s]+)$/.exec(header.trim());
  if (!match?.[1]) return false;
  const [a, b] = await Promise.all([digest(match[1]), digest(expected)]);
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

async function digest(s: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));
}
