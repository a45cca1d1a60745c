// The embedded TURN's peer policy: the denied blocks cover every IPv4 address but the SFU's, and all of IPv6.
import { describe, expect, it } from 'vitest';
import { denyAllPeersBut } from '../../scripts/lib/turn-peer-policy.ts';

const toNumber = (ip: string) => ip.split('.').reduce((n, p) => n * 256 + Number(p), 0);
const inBlock = (ip: string, cidr: string) => {
  const [base, bits] = cidr.split('/') as [string, string];
  const size = 2 ** (32 - Number(bits));
  return Math.floor(toNumber(ip) / size) === Math.floor(toNumber(base) / size);
};

describe('denyAllPeersBut', () => {
  it.each(['203.0.113.10', '198.18.10.1', '0.0.0.0', '255.255.255.255', '10.0.0.5'])(
    'denies every IPv4 address except %s, each exactly once',
    (own) => {
      const blocks = denyAllPeersBut(own);
      const v4 = blocks.filter((b) => !b.includes(':'));
      expect(v4).toHaveLength(32);
      expect(blocks).toContain('::/0');
      // The blocks are disjoint and cover 2^32 - 1 addresses: everything but the own one.
      expect(v4.reduce((sum, b) => sum + 2 ** (32 - Number(b.split('/')[1])), 0)).toBe(2 ** 32 - 1);
      expect(v4.some((b) => inBlock(own, b))).toBe(false);
      for (const other of ['1.1.1.1', '8.8.8.8', '127.0.0.1', '192.168.1.1', '198.18.10.3', '224.0.0.251'])
        if (other !== own) expect(v4.filter((b) => inBlock(other, b))).toHaveLength(1);
    },
  );

  it('refuses anything but a dotted IPv4 address', () => {
    expect(() => denyAllPeersBut('203.0.113')).toThrow(/IPv4/);
    expect(() => denyAllPeersBut('203.0.113.256')).toThrow(/IPv4/);
    expect(() => denyAllPeersBut('::1')).toThrow(/IPv4/);
  });
});
