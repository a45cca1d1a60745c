// The shipped container files keep their promises: non-root images, read-only services, the pinned LiveKit, valid scripts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(resolve(path), 'utf8');

describe('container images', () => {
  it.each([
    'deploy/container/Containerfile',
    'deploy/container/Containerfile.livekit',
    'deploy/container/Containerfile.pgbouncer',
  ])('%s runs as a fixed non-root user', (path) => {
    const users = [...read(path).matchAll(/^USER\s+(\d+):(\d+)\s*$/gm)];
    expect(users.length).toBeGreaterThan(0);
    expect(Number(users.at(-1)?.[1])).toBeGreaterThan(0);
  });

  it('builds the same LiveKit version as scripts/build-livekit.sh, in its own image', () => {
    const pinned = /VERSION="\$\{LIVEKIT_VERSION:-(v[\d.]+)\}"/.exec(read('scripts/build-livekit.sh'))?.[1];
    expect(pinned).toMatch(/^v\d+\.\d+\.\d+$/);
    expect(read('deploy/container/Containerfile.livekit')).toContain(`ARG LIVEKIT_VERSION=${pinned}`);
    expect(read('deploy/container/compose.yaml')).toContain(`localhost/beratungsraum/livekit:${pinned}`);
    expect(read('deploy/container/Containerfile')).not.toMatch(/livekit-server/);
  });

  it('gives every compose service a read-only root filesystem', () => {
    const services =
      read('deploy/container/compose.yaml')
        .split(/^services:\n/m)[1]
        ?.split(/^\S/m)[0] ?? '';
    const blocks = services.split(/^ {2}(?=[a-z])/m).filter((b) => b.trim());
    expect(blocks.map((b) => b.split(':')[0])).toEqual([
      'postgres',
      'pgbouncer',
      'redis',
      'livekit',
      'app',
      'tick',
    ]);
    for (const block of blocks) expect(block, block.split(':')[0]).toMatch(/<<: \*hardened|read_only: true/);
    expect(read('deploy/container/compose.yaml')).toMatch(/x-hardened: &hardened\n {2}read_only: true/);
  });

  it.each([
    ['sh', 'deploy/container/app-entrypoint.sh'],
    ['bash', 'scripts/backup.sh'],
    ['bash', 'scripts/restore.sh'],
  ])('%s accepts the syntax of %s', (shell, path) => {
    const r = spawnSync(shell, ['-n', path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
