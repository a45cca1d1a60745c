// The LiveKit configurations hand browsers the deployment's own STUN/TURN only: the dev/test config written by
// scripts/lib/livekit-config.ts and the shipped deploy/livekit.yaml.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isRestrictedIpv4, liveKitConfig } from '../../scripts/lib/livekit-config.ts';
import { denyAllPeersBut } from '../../scripts/lib/turn-peer-policy.ts';

const base = {
  port: 7880,
  host: '198.18.10.1',
  nodeIp: '198.18.10.1',
  tcpPort: 7881,
  udpPort: 7882,
  apiKey: 'k',
  apiSecret: 's',
  turn: { udpPort: 3478, relayRange: [30000, 30020] as [number, number] },
};

describe('dev and test LiveKit config', () => {
  it('advertises node_ip, never asks public STUN servers, and gives browsers only its own TURN/STUN', () => {
    const yaml = liveKitConfig(base).join('\n');
    expect(yaml).toContain('use_external_ip: false');
    expect(yaml).toContain('node_ip: 198.18.10.1');
    expect(yaml).toContain('stun_servers: ["198.18.10.1:3478"]');
    expect(yaml).toMatch(/turn:\n {2}enabled: true\n {2}udp_port: 3478/);
    expect(yaml).not.toMatch(/google|twilio/i);
  });

  it('keeps media on the bind address, except on loopback where LiveKit gathers no candidates', () => {
    expect(liveKitConfig(base).join('\n')).toContain('  ips:\n    includes: ["198.18.10.1/32"]');
    expect(liveKitConfig({ ...base, host: '127.0.0.1', nodeIp: '127.0.0.1' }).join('\n')).not.toContain(
      'ips:',
    );
    expect(liveKitConfig({ ...base, host: '0.0.0.0' }).join('\n')).not.toContain('ips:');
  });

  it('turns on TURN/TLS with the given certificate when asked', () => {
    const yaml = liveKitConfig({
      ...base,
      turn: {
        ...base.turn,
        tls: { port: 443, domain: '198.18.10.1', certFile: '/c.pem', keyFile: '/k.pem' },
      },
    }).join('\n');
    expect(yaml).toContain('tls_port: 443');
    expect(yaml).toContain('cert_file: /c.pem');
    expect(yaml).toContain('domain: 198.18.10.1');
  });

  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.20', true],
    ['198.18.10.1', false],
    ['203.0.113.10', false],
  ])('lets the relay reach a restricted node address %s only by name (%s)', (ip, restricted) => {
    expect(isRestrictedIpv4(ip)).toBe(restricted);
    const yaml = liveKitConfig({ ...base, nodeIp: ip }).join('\n');
    expect(yaml.includes(`allow_restricted_peer_cidrs: ["${ip}/32"]`)).toBe(restricted);
  });

  it('lets the relay reach the node address and nothing else', () => {
    const yaml = liveKitConfig(base).join('\n');
    expect(yaml).toContain(
      `deny_peer_cidrs: [${denyAllPeersBut('198.18.10.1')
        .map((c) => `"${c}"`)
        .join(', ')}]`,
    );
  });

  it('hands out coturn with its shared secret under rtc when given', () => {
    const yaml = liveKitConfig({
      ...base,
      turnServers: [{ host: '198.18.10.1', port: 5349, protocol: 'tls', secret: 'x', ttl: 600 }],
    }).join('\n');
    expect(yaml).toMatch(
      /rtc:\n(?: {2}.*\n)*? {2}turn_servers:\n {4}- \{ host: "198\.18\.10\.1", port: 5349, protocol: tls, secret: "x", ttl: 600 \}\nturn:/,
    );
  });
});

describe('deploy/livekit.yaml', () => {
  const yaml = readFileSync('deploy/livekit.yaml', 'utf8');
  const active = yaml
    .split('\n')
    .map((l) => l.replace(/\s*#.*$/, ''))
    .filter((l) => l.trim())
    .join('\n');

  it('sets node_ip and own STUN, keeps use_external_ip off and the embedded TURN on with TLS', () => {
    expect(active).toMatch(/^ {2}use_external_ip: false$/m);
    expect(active).toMatch(/^ {2}node_ip: \S+$/m);
    expect(active).toMatch(/^ {2}stun_servers: \["turn\.agentur\.example:3478"\]$/m);
    expect(active).toMatch(/^turn:\n {2}enabled: true$/m);
    expect(active).toMatch(/^ {2}tls_port: \d+$/m);
    expect(active).toMatch(/^ {2}udp_port: 3478$/m);
    expect(active).not.toMatch(/google|twilio/i);
  });

  it('denies the relay every peer but node_ip', () => {
    const nodeIp = /^ {2}node_ip: (\S+)$/m.exec(active)?.[1] ?? '';
    expect(active).toContain(
      `  deny_peer_cidrs: [${denyAllPeersBut(nodeIp)
        .map((c) => `"${c}"`)
        .join(', ')}]`,
    );
  });
});
