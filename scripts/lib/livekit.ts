// Runs the locally built LiveKit server (dev keys, own TURN/STUN, webhooks to the app) for npm start and tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { freePort } from './embedded-postgres.ts';
import { type ExternalTurn, type LiveKitClusterConfig, liveKitConfig } from './livekit-config.ts';
import { ensureTurnCertificate } from './turn-cert.ts';
import { waitForHttp } from './workerd.ts';

export const LIVEKIT_BINARY = resolve('.bin/livekit-server');
export const DEV_API_KEY = 'devkey';

/**
 * The API secret of the dev server in `dir`: random on first use and kept there (mode 0600), so no
 * two installations share one and nobody can sign webhooks for a demo instance with a secret from git.
 */
export function devApiSecret(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'api-secret');
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export interface LiveKitServer {
  url: string;
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  port: number;
  /** The TURN/TLS port, when TURN/TLS is on (browsers are always told port 443). */
  turnTlsPort: number | null;
  turnUdpPort: number;
  /** The ICE URLs of its TURN server, as LiveKit hands them to browsers (for LIVEKIT_TURN_URLS). */
  turnUrls: string[];
  child: ChildProcess;
  stop(): Promise<void>;
  /** Stops the process (for fault tests) and starts it again on the same ports. */
  restart(): Promise<void>;
  kill(): Promise<void>;
  start(): Promise<void>;
}

export function liveKitBuilt(): boolean {
  return existsSync(LIVEKIT_BINARY);
}

async function freeUdpPort(host = '127.0.0.1'): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createSocket('udp4');
    s.once('error', fail);
    s.bind(0, host, () => {
      const port = s.address().port;
      s.close(() => ok(port));
    });
  });
}

/** True when this process may listen on the TCP port (443 needs root or CAP_NET_BIND_SERVICE). */
export function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = createServer();
    s.once('error', () => ok(false));
    s.listen(port, host, () => s.close(() => ok(true)));
  });
}

export interface StartLiveKitOptions {
  dir: string;
  webhookUrl?: string;
  port?: number;
  /** Bind address of signalling, media and TURN (default 127.0.0.1). */
  host?: string;
  /** Address advertised to browsers for media and TURN relays (default `host`). */
  nodeIp?: string;
  /**
   * TURN/TLS with a self-signed certificate in `dir`: a port (LiveKit announces 443, so 443 unless a forward
   * exists), or false (default: tests run side by side and cannot all have 443).
   */
  turnTlsPort?: number | false;
  /** Name in the TURN/TLS URL and certificate (default `nodeIp`). */
  turnDomain?: string;
  /** coturn servers handed out beside the embedded TURN (the network lab's coturn scenario). */
  turnServers?: ExternalTurn[];
  /** The API secret (default: the dev secret kept in `dir`); the nodes of a cluster share one. */
  apiSecret?: string;
  /** Distributed mode (see scripts/lib/livekit-cluster.ts). */
  cluster?: LiveKitClusterConfig;
  /** See LiveKitConfigInput.congestionControl (default on). */
  congestionControl?: boolean;
  onOutput?: (line: string) => void;
}

export async function startLiveKit(options: StartLiveKitOptions): Promise<LiveKitServer> {
  const apiSecret = options.apiSecret ?? devApiSecret(options.dir);
  const host = options.host ?? '127.0.0.1';
  const nodeIp = options.nodeIp ?? host;
  const port = options.port ?? (await freePort());
  const tcpPort = await freePort();
  const udpPort = await freeUdpPort(host);
  const turnUdpPort = await freeUdpPort(host);
  const relayStart = await freeUdpPort(host);
  const turnTlsPort = options.turnTlsPort || null;
  const domain = options.turnDomain ?? nodeIp;
  const configPath = join(options.dir, 'livekit.yaml');
  const lines = liveKitConfig({
    port,
    host,
    nodeIp,
    tcpPort,
    udpPort,
    apiKey: DEV_API_KEY,
    apiSecret,
    ...(options.webhookUrl ? { webhookUrl: options.webhookUrl } : {}),
    ...(options.turnServers ? { turnServers: options.turnServers } : {}),
    ...(options.cluster ? { cluster: options.cluster } : {}),
    ...(options.congestionControl === false ? { congestionControl: false } : {}),
    turn: {
      udpPort: turnUdpPort,
      relayRange: [relayStart, Math.min(relayStart + 20, 65535)],
      ...(turnTlsPort
        ? { tls: { port: turnTlsPort, domain, ...ensureTurnCertificate(options.dir, domain) } }
        : {}),
    },
  });
  writeFileSync(configPath, `${lines.join('\n')}\n`);
  const httpUrl = `http://${host}:${port}`;
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(LIVEKIT_BINARY, ['--config', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    const emit = (b: Buffer) => {
      for (const l of b.toString().split('\n')) if (l.trim()) options.onOutput?.(l);
    };
    child.stdout?.on('data', emit);
    child.stderr?.on('data', emit);
    // 60 s: on a loaded CI machine (browsers, workerd and PostgreSQL of parallel suites) a start took over 30 s.
    await waitForHttp(httpUrl, 60_000, (r) => r.status < 500);
  };
  const kill = () =>
    new Promise<void>((done) => {
      // Bind this process: after a restart `child` names the new one, which a late SIGKILL must not hit.
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode) return done();
      const force = setTimeout(() => current.kill('SIGKILL'), 5000);
      force.unref();
      current.once('exit', () => {
        clearTimeout(force);
        done();
      });
      current.kill('SIGTERM');
    });
  await launch();
  const server: LiveKitServer = {
    url: `ws://${host}:${port}`,
    httpUrl,
    apiKey: DEV_API_KEY,
    apiSecret,
    port,
    turnTlsPort,
    turnUdpPort,
    turnUrls: [
      `turn:${nodeIp}:${turnUdpPort}?transport=udp`,
      ...(turnTlsPort ? [`turns:${domain}:443?transport=tcp`] : []),
    ],
    get child() {
      return child;
    },
    stop: kill,
    kill,
    start: launch,
    restart: async () => {
      await kill();
      await launch();
    },
  };
  return server;
}
