// A throwaway PostgreSQL 15 cluster from Debian's packages (the version a Debian 12 server runs), for backup and restore tests.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { asServerUser, PG15_BIN, waitForConnect } from '../../scripts/lib/pg-pair.ts';
import { stopChild } from './child-process.ts';

export { PG15_BIN };

/** Why the test cannot run here, or null; in CI a missing package is a failure, not a skip. */
export function debianPostgresMissingReason(): string | null {
  if (['postgres', 'initdb', 'pg_dump', 'pg_restore', 'psql'].every((t) => existsSync(join(PG15_BIN, t))))
    return null;
  if (process.env.CI === 'true')
    throw new Error('Debian package postgresql-15 missing in CI (.ci/run installs it)');
  const reason = 'Debian package postgresql-15 not installed (apt-get install -y postgresql-15)';
  console.warn(`skipping: ${reason}`);
  return reason;
}

export interface DebianPostgres {
  /** URL of database `name` on this cluster. */
  url(name: string): string;
  query(sql: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startDebianPostgres(): Promise<DebianPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'br-pg15-'));
  chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim();
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim();
    chownSync(dir, Number(id), Number(gid));
  }
  const data = join(dir, 'data');
  const [cmd, args] = asServerUser(join(PG15_BIN, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  const init = spawnSync(cmd, args, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const [scmd, sargs] = asServerUser(join(PG15_BIN, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
  ]);
  const child: ChildProcess = spawn(scmd, sargs, { stdio: 'ignore' });
  const url = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;
  await waitForConnect(url('postgres'), child, 30_000);
  return {
    url,
    async query(sql) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    // pg_ctl's fast shutdown reaches the server whether or not it runs under runuser.
    stop: () =>
      stopChild(child, dir, () => {
        const [c, a] = asServerUser(join(PG15_BIN, 'pg_ctl'), ['-D', data, 'stop', '-m', 'fast', '-s']);
        spawnSync(c, a);
      }),
  };
}
