// Pure pieces of the abuse defences: IP parsing and /64 grouping, the trusted-proxy walk, /static paths, sealed links.
import { describe, expect, it } from 'vitest';
import { parseTrustedProxies, resolveClient } from '../../functions/http/client-address.ts';
import { clientGroup, formatIp, inRange, parseCidr, parseIp } from '../../functions/platform/ip-address.ts';
import {
  createLinkKeyring,
  hasSealedLinks,
  LinkKeyMissing,
  openLinks,
  sealLinks,
} from '../../functions/platform/link-seal.ts';
import { staticPath } from '../../functions/web/routes.ts';

describe('parseIp', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['2001:db8::1', '2001:db8:0:0:0:0:0:1'],
    ['::ffff:198.51.100.4', '198.51.100.4'],
    ['::1', '0:0:0:0:0:0:0:1'],
  ])('reads %s', (text, canonical) => {
    const ip = parseIp(text);
    expect(ip && formatIp(ip)).toBe(canonical);
  });

  it.each([
    '203.0.113.7x',
    '203.0.113',
    '256.1.1.1',
    '01.2.3.4',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    '[::1]',
    'fe80::1%eth0',
    '',
    'direct',
  ])('refuses %j', (text) => {
    expect(parseIp(text)).toBeNull();
  });

  it('groups IPv6 clients by /64 and IPv4 clients by address', () => {
    expect(clientGroup(parseIp('2001:db8:1:2:aaaa::1')!)).toBe('2001:db8:1:2::/64');
    expect(clientGroup(parseIp('2001:db8:1:2:ffff:ffff:ffff:ffff')!)).toBe('2001:db8:1:2::/64');
    expect(clientGroup(parseIp('2001:db8:1:3::1')!)).toBe('2001:db8:1:3::/64');
    expect(clientGroup(parseIp('198.51.100.4')!)).toBe('198.51.100.4');
  });

  it('checks CIDR ranges', () => {
    const loop = parseCidr('127.0.0.1/8')!;
    expect(inRange(parseIp('127.9.9.9')!, loop)).toBe(true);
    expect(inRange(parseIp('128.0.0.1')!, loop)).toBe(false);
    expect(inRange(parseIp('::1')!, loop)).toBe(false);
    expect(inRange(parseIp('10.1.2.3')!, parseCidr('10.0.0.0/12')!)).toBe(true);
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('x/8')).toBeNull();
  });
});

describe('resolveClient', () => {
  const trusted = parseTrustedProxies('127.0.0.1/8, ::1, 10.0.0.0/8');
  const client = (peer: string, xff?: string) => formatIp(resolveClient(peer, xff, trusted));

  it('uses the peer when it is not a trusted proxy, whatever the header says', () => {
    expect(client('198.51.100.9', '203.0.113.7')).toBe('198.51.100.9');
  });

  it('takes the rightmost hop that is not a trusted proxy', () => {
    expect(client('127.0.0.1', '6.6.6.6, 198.51.100.4')).toBe('198.51.100.4');
    expect(client('127.0.0.1', '6.6.6.6, 198.51.100.4, 10.1.1.1')).toBe('198.51.100.4');
    expect(client('::1', '2001:db8::5')).toBe('2001:db8:0:0:0:0:0:5');
  });

  it('stops at the last trusted hop on a malformed entry, never making a new key from garbage', () => {
    expect(client('127.0.0.1', '203.0.113.7x')).toBe('127.0.0.1');
    expect(client('127.0.0.1', '198.51.100.4, 10.0.0.3, junk')).toBe('127.0.0.1');
  });

  it('refuses a bad TRUSTED_PROXIES entry by name', () => {
    expect(() => parseTrustedProxies('127.0.0.1, proxy.example')).toThrow(/proxy\.example/);
  });
});

describe('staticPath', () => {
  it.each([
    ['/static/mediapipe/model.tflite', 'static/mediapipe/model.tflite'],
    ['/static/a%20b.png', 'static/a b.png'],
  ])('serves %s as %s', (url, path) => {
    expect(staticPath(url)).toBe(path);
  });

  it.each([
    '/static/%E0%A4%A',
    '/static/%2e%2e%2fpages%2fadmin.html',
    '/static/../pages/admin.html',
    '/static/.env',
    '/static/a%5c..%5cb',
    '/static/a%00',
    '/static/',
    '/static//x',
    '/pages/admin.html',
  ])('refuses %s', (url) => {
    expect(staticPath(url)).toBeNull();
  });
});

describe('sealed links', () => {
  const key = (id: string, fill: number) => `${id}:${Buffer.alloc(32, fill).toString('base64')}`;
  const text =
    'Termin.\nTeilnehmen:\nhttps://x.de/j/AbCdEfGhIjKlMnOpQrStUv\nAbsagen:\nhttps://x.de/m/ZyXwVuTsRqPoNmLkJiHgFe';

  it('seals every join and manage secret and opens them again', async () => {
    const ring = await createLinkKeyring([key('k1', 1)]);
    const sealed = await sealLinks(ring, text);
    expect(sealed).not.toContain('AbCdEfGhIjKlMnOpQrStUv');
    expect(sealed).not.toContain('ZyXwVuTsRqPoNmLkJiHgFe');
    expect(sealed).toContain('https://x.de/j/{{seal:k1.');
    expect(hasSealedLinks(sealed)).toBe(true);
    expect(await openLinks(ring, sealed)).toBe(text);
  });

  it('opens with a rotated keyring that still lists the old key, and refuses once it is gone', async () => {
    const sealed = await sealLinks(await createLinkKeyring([key('k1', 1)]), text);
    expect(await openLinks(await createLinkKeyring([key('k2', 2), key('k1', 1)]), sealed)).toBe(text);
    await expect(openLinks(await createLinkKeyring([key('k2', 2)]), sealed)).rejects.toBeInstanceOf(
      LinkKeyMissing,
    );
    // The same id with another key: the authentication tag fails, nothing forged opens.
    await expect(openLinks(await createLinkKeyring([key('k1', 3)]), sealed)).rejects.toBeInstanceOf(
      LinkKeyMissing,
    );
  });
});
