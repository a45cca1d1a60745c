// Runs the locally built LiveKit server (dev keys, loopback only, webhooks to the app) for npm start and tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from './embedded-postgres.ts';
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

async function freeUdpPort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createSocket('udp4');
    s.once('error', fail);
    s.bind(0, '127.0.0.1', () => {
      const port = s.address().port;
      s.close(() => ok(port));
    });
  });
}

export interface StartLiveKitOptions {
  dir: string;
  webhookUrl?: string;
  port?: number;
  onOutput?: (line: string) => void;
}

export async function startLiveKit(options: StartLiveKitOptions): Promise<LiveKitServer> {
  const apiSecret = devApiSecret(options.dir);
  const port = options.port ?? (await freePort());
  const tcpPort = await freePort();
  const udpPort = await freeUdpPort();
  const configPath = join(options.dir, 'livekit.yaml');
  const lines = [
    `port: ${port}`,
    'bind_addresses: ["127.0.0.1"]',
    'rtc:',
    `  tcp_port: ${tcpPort}`,
    `  udp_port: ${udpPort}`,
    '  use_external_ip: false',
    '  node_ip: 127.0.0.1',
    'keys:',
    `  ${DEV_API_KEY}: ${apiSecret}`,
    'room:',
    '  auto_create: false',
    '  empty_timeout: 300',
    'logging:',
    '  level: warn',
  ];
  if (options.webhookUrl)
    lines.push('webhook:', `  api_key: ${DEV_API_KEY}`, '  urls:', `    - ${options.webhookUrl}`);
  writeFileSync(configPath, `${lines.join('\n')}\n`);
  const httpUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(LIVEKIT_BINARY, ['--config', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    const emit = (b: Buffer) => {
      for (const l of b.toString().split('\n')) if (l.trim()) options.onOutput?.(l);
    };
    child.stdout?.on('data', emit);
    child.stderr?.on('data', emit);
    await waitForHttp(httpUrl, 30_000, (r) => r.status < 500);
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
    url: `ws://127.0.0.1:${port}`,
    httpUrl,
    apiKey: DEV_API_KEY,
    apiSecret,
    port,
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
