// LiveKit in distributed mode on one machine: Redis (Debian), N nodes on their own 198.18.15.x addresses, nginx in front.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './embedded-postgres.ts';
import { devApiSecret, type LiveKitServer, startLiveKit } from './livekit.ts';
import { waitForHttp } from './workerd.ts';

/** The cluster's own addresses live on one dummy interface of this host (198.18.15.0/24, test range). */
const DEVICE = 'br15-lk';
const NODE_IP_BASE = 11;

export interface LivekitClusterNode {
  /** LiveKit's node id (as in Redis and the node's metrics), e.g. ND_… */
  id: string;
  ip: string;
  /** This node's own signalling URL (ws://ip:port). */
  url: string;
  /** LiveKit's Prometheus exposition of this node. */
  metricsUrl: string;
  pid: number;
  /** The ICE URLs of this node's own TURN server. */
  turnUrls: string[];
  /** SIGKILL: the node dies as in a crash (no draining), its rooms go elsewhere on reconnect. */
  kill(): Promise<void>;
  /** Starts a killed node again on the same address and ports. */
  start(): Promise<void>;
}

export interface LivekitCluster {
  nodes: LivekitClusterNode[];
  /** The front (nginx over every node): what browsers and the app are given. */
  url: string;
  apiKey: string;
  apiSecret: string;
  redisAddress: string;
  /** The id of the node a room is placed on (LiveKit's room→node map in Redis), or null. */
  nodeForRoom(room: string): string | null;
  stop(): Promise<void>;
}

export interface LivekitClusterOptions {
  /** Scratch folder (configs, secret, logs); a fresh temporary one by default. */
  dir?: string;
  nodes?: number;
  webhookUrl?: string;
  /** Per-core load average at which a node takes no new rooms while another is below it (default 0.7). */
  sysloadLimit?: number;
  onOutput?: (line: string) => void;
}

function run(cmd: string, args: string[], okToFail = false): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0 && !okToFail) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error}`);
  return r.stdout ?? '';
}

/**
 * The nodes' addresses: 198.18.15.11… on a local bridge when root (as separate machines would have),
 * else loopback. The bridge (no ports: local only) is shared by clusters running side by side (ports differ), so it is kept.
 */
export function clusterAddresses(count: number): string[] {
  if (process.getuid?.() !== 0 || spawnSync('sh', ['-c', 'command -v ip']).status !== 0)
    return Array.from({ length: count }, () => '127.0.0.1');
  if (!run('ip', ['-o', 'link', 'show', DEVICE], true).trim()) {
    run('ip', ['link', 'add', DEVICE, 'type', 'bridge'], true);
    run('ip', ['link', 'set', DEVICE, 'up']);
  }
  const present = run('ip', ['-o', '-4', 'addr', 'show', 'dev', DEVICE]);
  return Array.from({ length: count }, (_, i) => {
    const ip = `198.18.15.${NODE_IP_BASE + i}`;
    if (!present.includes(` ${ip}/`)) run('ip', ['addr', 'add', `${ip}/32`, 'dev', DEVICE], true);
    return ip;
  });
}

function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    force.unref();
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill(signal);
  });
}

async function startRedis(dir: string): Promise<{ address: string; child: ChildProcess }> {
  const port = await freePort();
  // Room state only: nothing is persisted, and only this machine may connect.
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (run('redis-cli', ['-p', String(port), 'ping'], true).trim() === 'PONG')
      return { address: `127.0.0.1:${port}`, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopProcess(child, 'SIGTERM');
  throw new Error('redis-server did not come up within 10 s');
}

/** The nginx front: WebSocket signalling and the Twirp API go to any node that answers. */
export function frontConfig(dir: string, port: number, upstreams: string[]): string {
  return `worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'nginx-error.log')} error;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream livekit {
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=10s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://livekit;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_read_timeout 1h;
      proxy_connect_timeout 2s;
      # A dead node refuses at once: the request (a reconnect, an API call) goes to the next node.
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
`;
}

/** LiveKit's node id from the constant labels of its own metrics. */
async function nodeIdFrom(metricsUrl: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      const text = await (await fetch(metricsUrl, { signal: AbortSignal.timeout(2000) })).text();
      const id = /node_id="([^"]+)"/.exec(text)?.[1];
      if (id) return id;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no node_id in ${metricsUrl}`);
}

export async function startLivekitCluster(opts: LivekitClusterOptions = {}): Promise<LivekitCluster> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'br-lkc-'));
  mkdirSync(dir, { recursive: true });
  const count = opts.nodes ?? 2;
  const apiSecret = devApiSecret(dir);
  const started: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    for (const s of started.reverse()) await s.stop();
    if (!opts.dir) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const redis = await startRedis(dir);
    started.push({ stop: () => stopProcess(redis.child, 'SIGTERM') });
    const ips = clusterAddresses(count);
    const nodes: LivekitClusterNode[] = [];
    for (const [i, ip] of ips.entries()) {
      const nodeDir = join(dir, `node${i + 1}`);
      mkdirSync(nodeDir, { recursive: true });
      const prometheusPort = await freePort();
      const server: LiveKitServer = await startLiveKit({
        dir: nodeDir,
        host: ip,
        apiSecret,
        ...(opts.webhookUrl ? { webhookUrl: opts.webhookUrl } : {}),
        cluster: { redisAddress: redis.address, prometheusPort, sysloadLimit: opts.sysloadLimit ?? 0.7 },
        onOutput: (l) => opts.onOutput?.(`[node${i + 1}] ${l}`),
      });
      started.push(server);
      const metricsUrl = `http://${ip}:${prometheusPort}/metrics`;
      const node: LivekitClusterNode = {
        id: await nodeIdFrom(metricsUrl),
        ip,
        url: server.url,
        metricsUrl,
        pid: server.child.pid ?? 0,
        turnUrls: server.turnUrls,
        kill: () => stopProcess(server.child, 'SIGKILL'),
        start: async () => {
          await server.start();
          node.pid = server.child.pid ?? 0;
          node.id = await nodeIdFrom(metricsUrl);
        },
      };
      nodes.push(node);
    }
    const frontPort = await freePort();
    writeFileSync(
      join(dir, 'nginx.conf'),
      frontConfig(
        dir,
        frontPort,
        nodes.map((n) => n.url.replace(/^ws:\/\//, '')),
      ),
    );
    const nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
      stdio: 'ignore',
    });
    started.push({ stop: () => stopProcess(nginx, 'SIGQUIT') });
    await waitForHttp(`http://127.0.0.1:${frontPort}/`, 15_000, (r) => r.status < 500);
    const redisPort = redis.address.split(':')[1] ?? '';
    return {
      nodes,
      url: `ws://127.0.0.1:${frontPort}`,
      apiKey: 'devkey',
      apiSecret,
      redisAddress: redis.address,
      nodeForRoom: (room) =>
        run('redis-cli', ['-p', redisPort, 'hget', 'room_node_map', room], true).trim() || null,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
