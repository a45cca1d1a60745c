// Which peers LiveKit's embedded TURN may relay to (pure): only the SFU's own media address. LiveKit 1.13 refuses
// private addresses by itself but relays to any public one, so the rest of the address space is denied by CIDR.

/** The IPv4 address as a 32-bit number; throws on anything that is not a dotted quad. */
function ipv4ToNumber(ip: string): number {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255))
    throw new Error(`not an IPv4 address: ${ip}`);
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

const numberToIpv4 = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

/**
 * Every IPv4 block except `ip` itself (32 CIDRs that together cover the rest of the space) and all of IPv6:
 * LiveKit's `turn.deny_peer_cidrs` with this list relays to the SFU's node_ip and nowhere else.
 *
 * @example
 * denyAllPeersBut('203.0.113.10').length // → 33
 * denyAllPeersBut('203.0.113.10')[0] // → '0.0.0.0/1'
 */
export function denyAllPeersBut(ip: string): string[] {
  const own = ipv4ToNumber(ip);
  const out: string[] = [];
  for (let bits = 1; bits <= 32; bits++) {
    // The sibling at this prefix length: the same first bits-1 bits as `own`, the bits-th bit flipped.
    const size = 2 ** (32 - bits);
    const block = Math.floor(own / size) * size;
    const sibling = Math.floor(own / size) % 2 === 0 ? block + size : block - size;
    out.push(`${numberToIpv4(sibling)}/${bits}`);
  }
  out.push('::/0');
  return out;
}
