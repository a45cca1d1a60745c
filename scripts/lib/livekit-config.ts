// The dev/test LiveKit configuration as YAML (pure): own ICE only, embedded TURN over UDP and TLS, node_ip.
import { denyAllPeersBut } from './turn-peer-policy.ts';

export interface LiveKitConfigInput {
  port: number;
  /** Address the signalling, media and TURN sockets bind to. */
  host: string;
  /** Address LiveKit advertises in its ICE candidates and relays to (what browsers can reach). */
  nodeIp: string;
  tcpPort: number;
  udpPort: number;
  apiKey: string;
  apiSecret: string;
  webhookUrl?: string;
  /** Other TURN servers (coturn) LiveKit hands out with TURN REST credentials from their shared secret. */
  turnServers?: ExternalTurn[];
  /** Distributed mode: the shared Redis, this node's Prometheus port and the room placement rule. */
  cluster?: LiveKitClusterConfig;
  /**
   * Off only for the capacity bench: its load clients give no bandwidth feedback, and the allocator would then
   * hold every subscriber at the lowest layer instead of forwarding what a browser on a good line receives.
   */
  congestionControl?: boolean;
  /** LiveKit's embedded TURN server; its UDP port doubles as the only STUN server browsers are given. */
  turn: {
    udpPort: number;
    relayRange: [number, number];
    /** TURN/TLS: LiveKit always announces it as `turns:DOMAIN:443`, so this listens on 443 or behind a forward. */
    tls?: { port: number; domain: string; certFile: string; keyFile: string };
  };
}

export interface ExternalTurn {
  host: string;
  port: number;
  protocol: 'udp' | 'tcp' | 'tls';
  /** coturn's static-auth-secret. */
  secret: string;
  /** Lifetime of the credentials LiveKit derives, in seconds. */
  ttl: number;
}

export interface LiveKitClusterConfig {
  redisAddress: string;
  prometheusPort: number;
  /** Nodes whose load average per core is at or above this take no new rooms while another is below it. */
  sysloadLimit: number;
}

/** Loopback and RFC 1918 addresses: LiveKit's TURN refuses to relay to them unless they are allowed by name. */
export function isRestrictedIpv4(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number) as [number, number];
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * The YAML lines for one dev or test LiveKit server. Without `rtc.stun_servers` and TURN, LiveKit hands every
 * browser Google's and Twilio's STUN servers; here the browsers get the server's own TURN/STUN only.
 *
 * @example
 * liveKitConfig({ port: 7880, host: '127.0.0.1', nodeIp: '127.0.0.1', … }).join('\n')
 */
export function liveKitConfig(c: LiveKitConfigInput): string[] {
  const lines = [
    `port: ${c.port}`,
    `bind_addresses: ["${c.host}"]`,
    'rtc:',
    `  tcp_port: ${c.tcpPort}`,
    `  udp_port: ${c.udpPort}`,
    // Asking public STUN servers for the own address would contact third parties; node_ip says it instead.
    '  use_external_ip: false',
    `  node_ip: ${c.nodeIp}`,
    `  stun_servers: ["${c.nodeIp}:${c.turn.udpPort}"]`,
    ...(c.congestionControl === false ? ['  congestion_control:', '    enabled: false'] : []),
    // Media on the bind address only: with every interface, ICE checks may leave from another address (a
    // container bridge, the uplink) than the one advertised, and browsers drop the answers. Loopback is left
    // open because LiveKit gathers no loopback candidates (it rewrites the others to node_ip instead).
    ...(c.host.startsWith('127.') || c.host === '0.0.0.0'
      ? []
      : ['  ips:', `    includes: ["${c.host}/32"]`]),
    ...(c.turnServers?.length
      ? [
          '  turn_servers:',
          ...c.turnServers.map(
            (t) =>
              `    - { host: "${t.host}", port: ${t.port}, protocol: ${t.protocol}, secret: "${t.secret}", ttl: ${t.ttl} }`,
          ),
        ]
      : []),
    'turn:',
    '  enabled: true',
    `  udp_port: ${c.turn.udpPort}`,
    `  bind_addresses: ["${c.host}"]`,
    `  relay_range_start: ${c.turn.relayRange[0]}`,
    `  relay_range_end: ${c.turn.relayRange[1]}`,
  ];
  // The relay only ever needs to reach this SFU; a private node address must be allowed explicitly.
  if (isRestrictedIpv4(c.nodeIp)) lines.push(`  allow_restricted_peer_cidrs: ["${c.nodeIp}/32"]`);
  // LiveKit relays to any public address by itself: without this, anyone holding a credential (the public
  // booking-page check hands them out) could use the relay to reach third parties.
  lines.push(
    `  deny_peer_cidrs: [${denyAllPeersBut(c.nodeIp)
      .map((cidr) => `"${cidr}"`)
      .join(', ')}]`,
  );
  if (c.turn.tls)
    lines.push(
      `  domain: ${c.turn.tls.domain}`,
      `  tls_port: ${c.turn.tls.port}`,
      `  cert_file: ${c.turn.tls.certFile}`,
      `  key_file: ${c.turn.tls.keyFile}`,
    );
  lines.push(
    'keys:',
    `  ${c.apiKey}: ${c.apiSecret}`,
    'room:',
    '  auto_create: false',
    '  empty_timeout: 300',
    'logging:',
    '  level: warn',
  );
  if (c.cluster)
    lines.push(
      'redis:',
      `  address: ${c.cluster.redisAddress}`,
      'prometheus:',
      `  port: ${c.cluster.prometheusPort}`,
      // New rooms go to the node with the fewest rooms among those below the load limit (LiveKit's selector).
      'node_selector:',
      '  kind: sysload',
      '  sort_by: rooms',
      '  algorithm: lowest',
      `  sysload_limit: ${c.cluster.sysloadLimit}`,
    );
  if (c.webhookUrl) lines.push('webhook:', `  api_key: ${c.apiKey}`, '  urls:', `    - ${c.webhookUrl}`);
  return lines;
}
