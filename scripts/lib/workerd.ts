// Spawns the workerd binary from npm with deploy/workerd.capnp, on a chosen address, with the app's environment.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface WorkerdProcess {
  child: ChildProcess;
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
  onOutput?: (line: string) => void;
}

export async function startWorkerd(options: StartWorkerdOptions): Promise<WorkerdProcess> {
  const host = options.host ?? '127.0.0.1';
  const args = [
    'serve',
    resolve('deploy/workerd.capnp'),
    '--socket-addr',
    `http=${host}:${options.port}`,
    '--directory-path',
    `assets=${resolve(options.assetsDir ?? 'dist/web')}`,
    '--verbose',
  ];
  // This helper starts development and test servers: without a gateway, SMS go to the log.
  const devSms = options.env.SMS_GATEWAY_URL ? {} : { SMS_LOG_ONLY: 'on' };
  const child = spawn(workerdBinary(), args, {
    env: { ...process.env, ...devSms, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const emit = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) options.onOutput?.(line);
  };
  child.stdout?.on('data', emit);
  child.stderr?.on('data', emit);
  const url = `http://${host}:${options.port}`;
  const exited = new Promise<never>((_, fail) =>
    child.once('exit', (code) => fail(new Error(`workerd exited early with code ${code}`))),
  );
  exited.catch(() => {});
  await Promise.race([waitForHttp(`${url}/healthz`, 30_000, (r) => r.ok), exited]);
  return {
    child,
    url,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
