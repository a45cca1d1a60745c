// The client behind a request: the connection's address, or X-Forwarded-For only as far as trusted proxies vouch for it.
import type { Context } from 'hono';
import {
  type CidrRange,
  clientGroup,
  type IpAddress,
  inRange,
  parseCidr,
  parseIp,
} from '../platform/ip-address.ts';
import type { AppEnv } from './context.ts';

/**
 * workerd does not tell a worker the peer address. deploy/workerd.capnp (and `npm start`) bind the
 * socket to loopback, so the peer is always a process on this machine, normally the reverse proxy:
 * the connection counts as 127.0.0.1. Deno and the tests pass the real peer as `env.remoteAddress`.
 */
export const LOOPBACK_PEER = '127.0.0.1';

/** Parses the TRUSTED_PROXIES list (comma-separated addresses or CIDR ranges); throws naming a bad entry. */
export function parseTrustedProxies(text: string): CidrRange[] {
  const out: CidrRange[] = [];
  for (const entry of text.split(',').map((s) => s.trim())) {
    if (!entry) continue;
    const range = parseCidr(entry);
    if (!range) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    out.push(range);
  }
  return out;
}

/**
 * The client address: starting at the connection's peer, while the current hop is a trusted proxy,
 * step one entry left in X-Forwarded-For. The first untrusted hop is the client. A malformed entry
 * stops the walk at the last trusted hop, so a garbage header never yields a fresh key.
 *
 * @example resolveClient('127.0.0.1', '6.6.6.6, 198.51.100.4', [loopback]) // 198.51.100.4
 */
export function resolveClient(
  peer: string,
  forwardedFor: string | undefined,
  trusted: CidrRange[],
): IpAddress {
  const peerIp = parseIp(peer) ?? (parseIp(LOOPBACK_PEER) as IpAddress);
  let current = peerIp;
  const hops = (forwardedFor ?? '').split(',').slice(-32);
  while (trusted.some((r) => inRange(current, r))) {
    const next = hops.pop();
    if (next === undefined) break;
    const ip = parseIp(next);
    if (!ip) break;
    current = ip;
  }
  return current;
}

const parsedLists = new Map<string, CidrRange[]>();

function trustedOf<E extends AppEnv>(c: Context<E>): CidrRange[] {
  const text = c.get('config').TRUSTED_PROXIES;
  let list = parsedLists.get(text);
  if (!list) {
    list = parseTrustedProxies(text);
    parsedLists.set(text, list);
  }
  return list;
}

/** The client's address group (IPv4 address or IPv6 /64) for limits; never stored, only HMACed. */
export function clientAddress<E extends AppEnv>(c: Context<E>): string {
  const env = c.env as { remoteAddress?: unknown } | undefined;
  const peer = typeof env?.remoteAddress === 'string' ? env.remoteAddress : LOOPBACK_PEER;
  return clientGroup(resolveClient(peer, c.req.header('x-forwarded-for'), trustedOf(c)));
}
