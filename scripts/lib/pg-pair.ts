// A PostgreSQL 15 primary and its synchronous streaming standby from Debian's binaries, for `npm run cluster` and tests.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './embedded-postgres.ts';

export const PG15_BIN = '/usr/lib/postgresql/15/bin';

/** The standby's name in `synchronous_standby_names`: a COMMIT returns only once it has the WAL. */
export const STANDBY_NAME = 'standby1';

export interface PgNode {
  name: 'primary' | 'standby';
  port: number;
  dataDir: string;
  /** `postgres://postgres@127.0.0.1:PORT/DB` (trust on loopback: a throwaway cluster). */
  url(db: string): string;
  running(): boolean;
  /** pg_ctl stop -m fast: committed work is on disk (and, synchronous, on the standby). */
  stop(): Promise<void>;
  /** SIGKILL of the postmaster: a crash. */
  kill(): void;
}

export interface PgPair {
  primary: PgNode;
  standby: PgNode;
  stop(): Promise<void>;
}

/** Debian's server refuses to run as root; as root every server tool runs as the `postgres` user. */
export function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/** A folder the server user may write (this process may be root); its parent must let that user through. */
export function serverOwnedDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  chmodSync(join(dir, '..'), 0o755);
  if (process.getuid?.() === 0) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  return dir;
}

function run(tool: string, args: string[]): string {
  const [cmd, a] = asServerUser(join(PG15_BIN, tool), args);
  const r = spawnSync(cmd, a, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

export function pg15Missing(): string | null {
  const tools = ['postgres', 'initdb', 'pg_ctl', 'pg_basebackup'];
  return tools.every((t) => existsSync(join(PG15_BIN, t)))
    ? null
    : 'Debian package postgresql-15 not installed (apt-get install -y postgresql-15)';
}

/** Resolves once `url` accepts a connection; fails early if the server process exited. */
export async function waitForConnect(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (e) {
      await client.end().catch(() => {});
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`PostgreSQL on ${url} did not start: ${String(e)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function startNode(
  name: PgNode['name'],
  dataDir: string,
  port: number,
  socketDir: string,
): Promise<PgNode> {
  const [cmd, args] = asServerUser(join(PG15_BIN, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    socketDir,
  ]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (c: Buffer) => {
    log = (log + c.toString()).slice(-4000);
  });
  const node: PgNode = {
    name,
    port,
    dataDir,
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    running: () => child.exitCode === null && child.signalCode === null,
    stop: () =>
      new Promise<void>((done) => {
        if (!node.running()) return done();
        child.once('exit', () => done());
        const [c, a] = asServerUser(join(PG15_BIN, 'pg_ctl'), ['-D', dataDir, 'stop', '-m', 'fast', '-s']);
        spawnSync(c, a);
      }),
    kill: () => {
      child.kill('SIGKILL');
    },
  };
  await waitForConnect(node.url('postgres'), child).catch((e) => {
    throw new Error(`${String(e)}\n${log}`);
  });
  return node;
}

/**
 * initdb a primary (trust on loopback, replication allowed), start it, pg_basebackup a standby that
 * streams from it under the name STANDBY_NAME, and make that standby synchronous: an acknowledged
 * commit is then on both servers, so a switchover loses nothing that was answered 201 (docs/operations.md).
 */
export async function startPgPair(dir: string, database: string): Promise<PgPair> {
  serverOwnedDir(dir);
  const socketDir = serverOwnedDir(join(dir, 'sockets'));
  const primaryDir = join(dir, 'primary');
  const standbyDir = join(dir, 'standby');
  run('initdb', ['-D', primaryDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  writeFileSync(
    join(primaryDir, 'postgresql.auto.conf'),
    `listen_addresses = '127.0.0.1'
wal_level = replica
max_wal_senders = 5
wal_keep_size = '256MB'
hot_standby = on
max_connections = 200
synchronous_commit = on
synchronous_standby_names = '${STANDBY_NAME}'
fsync = off
`,
  );
  const primary = await startNode('primary', primaryDir, primaryPort, socketDir);
  // Until the standby streams, synchronous commits would wait: create the database first (no WAL wait for it).
  const admin = new pg.Client({ connectionString: primary.url('postgres') });
  await admin.connect();
  await admin.query('set synchronous_commit = local');
  await admin.query(`create database ${database}`);
  await admin.end();
  run('pg_basebackup', [
    '-D',
    standbyDir,
    '-h',
    '127.0.0.1',
    '-p',
    String(primaryPort),
    '-U',
    'postgres',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  writeFileSync(join(standbyDir, 'standby.signal'), '');
  writeFileSync(
    join(standbyDir, 'postgresql.auto.conf'),
    `listen_addresses = '127.0.0.1'
wal_level = replica
max_wal_senders = 5
hot_standby = on
max_connections = 200
fsync = off
primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres application_name=${STANDBY_NAME}'
`,
  );
  const standby = await startNode('standby', standbyDir, standbyPort, socketDir);
  await waitForStreaming(primary);
  return {
    primary,
    standby,
    stop: async () => {
      await Promise.all([primary.stop(), standby.stop()]);
    },
  };
}

/** Resolves once the primary sees its standby streaming synchronously. */
export async function waitForStreaming(primary: PgNode, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const client = new pg.Client({ connectionString: primary.url('postgres') });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ sync_state: string }>(
        'select sync_state from pg_stat_replication where application_name = $1',
        [STANDBY_NAME],
      );
      if (rows[0]?.sync_state === 'sync') return;
      if (Date.now() > deadline) throw new Error('standby did not start streaming');
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await client.end();
  }
}

/** pg_ctl promote -w: the standby leaves recovery and accepts writes. */
export function promote(node: PgNode): void {
  run('pg_ctl', ['-D', node.dataDir, 'promote', '-w', '-t', '30']);
}
