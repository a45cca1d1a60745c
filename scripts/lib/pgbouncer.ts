// Debian's PgBouncer in front of the primary: a transaction-pooled entry for requests, a session-pooled one for LISTEN.
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { REQUEST_BUDGET } from '../../functions/db/connect.ts';
import { freePort } from './embedded-postgres.ts';
import { serverOwnedDir } from './pg-pair.ts';

export interface PgBouncer {
  port: number;
  /** Transaction pooling: what DATABASE_URL points at. */
  url: string;
  /** Session pooling on the same server: DATABASE_LISTEN_URL (LISTEN needs a session of its own). */
  listenUrl: string;
  /** The admin console (`SHOW POOLS`, `PAUSE`, `RELOAD`, `RESUME`). */
  adminUrl: string;
  /** The file that names the server; deploy/pg-switchover.sh rewrites it and sends RELOAD. */
  databasesIni: string;
  stop(): Promise<void>;
}

export interface PgBouncerOptions {
  dir: string;
  database: string;
  server: { host: string; port: number };
  /** Server connections per database and user (transaction pool). */
  poolSize?: number;
}

/**
 * The [databases] entries, in a file of their own so that a switchover rewrites only `host=` and `port=`
 * (deploy/pg-switchover.sh). PgBouncer does not forward the pool's startup parameters, so the request
 * budget of functions/db/connect.ts is set on each new server connection instead; the session entry
 * (LISTEN, migrations) keeps the server's defaults.
 */
export function databasesIniText(database: string, server: { host: string; port: number }): string {
  const s = REQUEST_BUDGET.statementTimeoutMs;
  const budget = `set statement_timeout = ${s}; set lock_timeout = ${Math.ceil(s / 2)}; set idle_in_transaction_session_timeout = ${s * 4}`;
  return `${database} = host=${server.host} port=${server.port} dbname=${database} pool_mode=transaction connect_query='${budget}'
${database}_listen = host=${server.host} port=${server.port} dbname=${database} pool_mode=session
`;
}

/** Runs a statement on the admin console (which speaks the simple query protocol only). */
export async function pgbouncerAdmin(adminUrl: string, command: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(command);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function startPgBouncer(options: PgBouncerOptions): Promise<PgBouncer> {
  const dir = serverOwnedDir(options.dir);
  const port = await freePort();
  const databasesIni = join(dir, 'databases.ini');
  writeFileSync(databasesIni, databasesIniText(options.database, options.server), { mode: 0o644 });
  writeFileSync(join(dir, 'userlist.txt'), '"postgres" ""\n', { mode: 0o644 });
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    `; Written by scripts/lib/pgbouncer.ts for a local cluster; production: deploy/pgbouncer.ini.
[databases]
%include ${databasesIni}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${join(dir, 'userlist.txt')}
admin_users = postgres
pool_mode = transaction
default_pool_size = ${options.poolSize ?? 20}
max_client_conn = 2000
server_reset_query =
server_lifetime = 3600
ignore_startup_parameters = extra_float_digits,statement_timeout,lock_timeout,idle_in_transaction_session_timeout
logfile = ${join(dir, 'pgbouncer.log')}
pidfile = ${join(dir, 'pgbouncer.pid')}
`,
    { mode: 0o644 },
  );
  const args = [join(dir, 'pgbouncer.ini')];
  // PgBouncer refuses to run as root; -u drops to the database's user.
  if (process.getuid?.() === 0) args.unshift('-u', 'postgres');
  const child: ChildProcess = spawn('/usr/sbin/pgbouncer', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (c: Buffer) => {
    log = (log + c.toString()).slice(-2000);
  });
  const base = `postgres://postgres@127.0.0.1:${port}`;
  const bouncer: PgBouncer = {
    port,
    url: `${base}/${options.database}`,
    listenUrl: `${base}/${options.database}_listen`,
    adminUrl: `${base}/pgbouncer`,
    databasesIni,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGINT');
      }),
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await pgbouncerAdmin(bouncer.adminUrl, 'SHOW VERSION');
      return bouncer;
    } catch (e) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`PgBouncer did not start: ${String(e)} ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
