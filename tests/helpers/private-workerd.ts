// Runs the current code's worker bundle in the real workerd from a private build folder (never a stale or half-written dist/).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildWorker } from '../../scripts/build-worker.mjs';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { devServerDefaults, waitForHttp, workerdBinary } from '../../scripts/lib/workerd.ts';
import { stopChild } from './child-process.ts';

export interface PrivateWorkerd {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** True when workerd is installed; in CI a missing binary is a failure, elsewhere the caller skips with this reason. */
export function workerdAvailable(label: string): boolean {
  const available = existsSync(workerdBinary());
  if (!available && process.env.CI === 'true') throw new Error('workerd binary missing (npm ci installs it)');
  if (!available) console.warn(`skipping ${label}: node_modules/.bin/workerd is missing`);
  return available;
}

export interface PrivateWorkerdOptions {
  /** Shifts the objects' clock (functions/platform/test-clock.ts); bound only in this private copy of the config. */
  clockOffsetMs?: number;
}

export async function startPrivateWorkerd(
  env: Record<string, string>,
  options: PrivateWorkerdOptions = {},
): Promise<PrivateWorkerd> {
  const dir = mkdtempSync(join(tmpdir(), 'br-workerd-'));
  mkdirSync(join(dir, 'deploy'));
  mkdirSync(join(dir, 'dist', 'web'), { recursive: true });
  const capnp = readFileSync(resolve('deploy/workerd.capnp'), 'utf8');
  const binding = '(name = "ASSETS", service = "assets"),';
  if (!capnp.includes(binding)) throw new Error('deploy/workerd.capnp: ASSETS binding not found');
  writeFileSync(
    join(dir, 'deploy', 'workerd.capnp'),
    options.clockOffsetMs === undefined
      ? capnp
      : capnp.replace(
          binding,
          `${binding}\n    (name = "TEST_CLOCK_OFFSET_MS", text = "${Math.round(options.clockOffsetMs)}"),`,
        ),
  );
  await buildWorker({ outdir: join(dir, 'dist', 'worker'), minify: false });
  const port = await freePort();
  const child = spawn(
    workerdBinary(),
    [
      'serve',
      join(dir, 'deploy', 'workerd.capnp'),
      '--socket-addr',
      `http=127.0.0.1:${port}`,
      '--directory-path',
      `assets=${join(dir, 'dist', 'web')}`,
    ],
    { env: { ...process.env, ...devServerDefaults(env), ...env }, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child, dir);
  try {
    await waitForHttp(`${url}/healthz`, 30_000, (r) => r.ok);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port, stop };
}
