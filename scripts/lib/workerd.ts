// Spawns the workerd binary from npm with deploy/workerd.capnp, on a chosen address, with the app's environment:
// one or more processes accepting on one listening socket.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

export interface WorkerdProcess {
  /** The first process (all of them in `children`). */
  child: ChildProcess;
  children: ChildProcess[];
  url: string;
  stop(): Promise<void>;
}

export function workerdBinary(): string {
  return resolve('node_modules/.bin/workerd');
}

export async function waitForHttp(
  url: string,
  timeoutMs = 30_000,
  isUp: (res: Response) => boolean = () => true,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (isUp(res)) return;
      lastError = `status ${res.status}`;
    } catch (e) {
      lastError = String(e);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms (${lastError})`);
}

export interface StartWorkerdOptions {
  host?: string;
  port: number;
  env: Record<string, string>;
  assetsDir?: string;
  /** workerd processes (default 1; 0 = one per CPU core). Each is single-threaded with its own objects and pools. */
  processes?: number;
  onOutput?: (line: string) => void;
}

export function processCount(wanted: number | undefined): number {
  return wanted === 0 ? availableParallelism() : Math.max(1, wanted ?? 1);
}

/** One link key for every server this Node.js process starts, so a restarted test server opens old links. */
const DEV_LINK_KEY = `dev:${randomBytes(32).toString('base64')}`;

/**
 * Defaults for development and test servers: without a gateway, SMS go to the log; with one, the
 * processes share a link key made for this run unless the caller brings its own.
 */
export function devServerDefaults(env: Record<string, string>): Record<string, string> {
  return env.SMS_GATEWAY_URL ? { LINK_ENCRYPTION_KEYS: DEV_LINK_KEY } : { SMS_LOG_ONLY: 'on' };
}

/**
 * Several processes share one listening socket, opened here and handed to each as file descriptor 3
 * (`--socket-fd`), so the kernel spreads connections over them; this process then closes its copy.
 */
export async function startWorkerd(options: StartWorkerdOptions): Promise<WorkerdProcess> {
  const host = options.host ?? '127.0.0.1';
  const count = processCount(options.processes);
  const socket = createServer();
  socket.listen({ host, port: options.port, exclusive: true, backlog: 1024 });
  await once(socket, 'listening');
  const fd = (socket as unknown as { _handle: { fd: number } })._handle.fd;
  const args = [
    'serve',
    resolve('deploy/workerd.capnp'),
    '--socket-fd',
    'http=3',
    '--directory-path',
    `assets=${resolve(options.assetsDir ?? 'dist/web')}`,
    '--verbose',
  ];
  const devSms = devServerDefaults(options.env);
  const emit = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) options.onOutput?.(line);
  };
  const children = Array.from({ length: count }, () => {
    const child = spawn(workerdBinary(), args, {
      env: { ...process.env, ...devSms, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', fd],
    });
    child.stdout?.on('data', emit);
    child.stderr?.on('data', emit);
    return child;
  });
  socket.close();
  const url = `http://${host}:${options.port}`;
  const exited = Promise.race(
    children.map(
      (child) =>
        new Promise<never>((_, fail) =>
          child.once('exit', (code) => fail(new Error(`workerd exited early with code ${code}`))),
        ),
    ),
  );
  exited.catch(() => {});
  const stopOne = (child: ChildProcess) =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  const stop = async () => {
    await Promise.all(children.map(stopOne));
  };
  try {
    await Promise.race([waitForHttp(`${url}/healthz`, 30_000, (r) => r.ok), exited]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { child: children[0]!, children, url, stop };
}
