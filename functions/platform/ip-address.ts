// IP addresses and CIDR ranges as bytes: strict parsing, range checks and the /64 grouping of IPv6 clients.

export interface IpAddress {
  /** 4 bytes for IPv4 (IPv4-mapped IPv6 is folded to IPv4), 16 for IPv6. */
  bytes: Uint8Array;
}

export interface CidrRange {
  bytes: Uint8Array;
  prefix: number;
}

function parseIpv4(s: string): Uint8Array | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i] as string;
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out[i] = n;
  }
  return out;
}

function parseIpv6(s: string): Uint8Array | null {
  if (!/^[0-9a-fA-F:.]{2,45}$/.test(s)) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const words = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const groups = part.split(':');
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i] as string;
      if (i === groups.length - 1 && g.includes('.')) {
        const v4 = parseIpv4(g);
        if (!v4) return null;
        out.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) out.push(Number.parseInt(g, 16));
      else return null;
    }
    return out;
  };
  const head = words(halves[0] as string);
  const tail = halves.length === 2 ? words(halves[1] as string) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<number>(Math.max(0, missing)).fill(0), ...tail];
  const out = new Uint8Array(16);
  all.forEach((w, i) => {
    out[i * 2] = w >> 8;
    out[i * 2 + 1] = w & 0xff;
  });
  return out;
}

const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** Parses a literal IPv4 or IPv6 address (brackets and zone ids refused); null when it is anything else. */
export function parseIp(input: string): IpAddress | null {
  const s = input.trim();
  if (s.length === 0 || s.length > 45) return null;
  const bytes = s.includes(':') ? parseIpv6(s) : parseIpv4(s);
  if (!bytes) return null;
  if (bytes.length === 16 && MAPPED_PREFIX.every((b, i) => bytes[i] === b)) return { bytes: bytes.slice(12) };
  return { bytes };
}

/** Parses `a.b.c.d/n`, `x::y/n` or a bare address (a range of one). */
export function parseCidr(input: string): CidrRange | null {
  const [addr, prefixText, extra] = input.trim().split('/');
  if (extra !== undefined || !addr) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const max = ip.bytes.length * 8;
  if (prefixText === undefined) return { bytes: ip.bytes, prefix: max };
  if (!/^[0-9]{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  return prefix <= max ? { bytes: ip.bytes, prefix } : null;
}

export function inRange(ip: IpAddress, range: CidrRange): boolean {
  if (ip.bytes.length !== range.bytes.length) return false;
  let bits = range.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((ip.bytes[i] as number) & mask) !== ((range.bytes[i] as number) & mask)) return false;
  }
  return true;
}

/** Canonical text: dotted IPv4, or full lower-case IPv6 groups without compression. */
export function formatIp(ip: IpAddress): string {
  if (ip.bytes.length === 4) return [...ip.bytes].join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2)
    groups.push((((ip.bytes[i] as number) << 8) | (ip.bytes[i + 1] as number)).toString(16));
  return groups.join(':');
}

/**
 * The unit a limit counts: one IPv4 address, or one IPv6 /64 (a home or mobile line gets a whole /64,
 * so counting single IPv6 addresses would give one client 2^64 keys).
 * @example clientGroup(parseIp('2001:db8:1:2:aaaa::1')!) // '2001:db8:1:2::/64'
 */
export function clientGroup(ip: IpAddress): string {
  if (ip.bytes.length === 4) return formatIp(ip);
  const head = formatIp({ bytes: ip.bytes }).split(':').slice(0, 4).join(':');
  return `${head}::/64`;
}
