// TURN credentials as LiveKit's embedded TURN server expects them: jxskiss/base62 and the SHA-256 password,
// checked against values printed by the Go library itself.
import { describe, expect, it } from 'vitest';
import { base62, mintTurnCredentials } from '../../functions/rooms/turn-credentials.ts';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('base62 (jxskiss/base62 v1.1.0)', () => {
  it.each([
    ['a', 'hB'],
    ['devkey|check-abc|1764547200', 'wAjM3QTN0YzNxw3YiFWLrNWZoNGfyrs1srMyA'],
    ['\xff\xff\xff', 'ffffP'],
    ['\x00\x01', 'BAA'],
  ])('encodes %j as %s', (input, encoded) => {
    expect(base62(bytes(input))).toBe(encoded);
  });
});

describe('mintTurnCredentials', () => {
  it('derives user name and password from key, secret, id and expiry', async () => {
    const c = await mintTurnCredentials({
      apiKey: 'devkey',
      apiSecret: 'secret',
      id: 'check-abc',
      ttlSeconds: 60,
      now: new Date((1764547200 - 60) * 1000),
    });
    expect(c.username).toBe('wAjM3QTN0YzNxw3YiFWLrNWZoNGfyrs1srMyA');
    expect(c.credential).toBe('7Jw3wFoiqULNnJviw2pdLJnFG3gj8fSBjfNFRgP7Vpj');
    expect(c.expiresAt.toISOString()).toBe('2025-12-01T00:00:00.000Z');
  });
});
