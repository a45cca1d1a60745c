// Creates Kysely instances over a pg Pool; one per process (Deno, Node) or per Durable Object (workerd).
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';

// Dates as instants, int8 counts as numbers, ranges as their text.
pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1700, (v: string) => Number(v));

export interface PoolOptions {
  connectionString: string;
  max?: number;
  /** Milliseconds to wait for a pooled or new connection before failing (a down database must fail fast). */
  connectTimeoutMs?: number;
  /**
   * Longest a single statement may take. The server cancels it after this (rolled back, nothing half
   * done), waits for row locks at most half of it, and the client gives up 300 ms later in case the
   * server itself hangs. Unset for tools (migrations, seeding) whose statements may legitimately be long.
   */
  statementTimeoutMs?: number;
  applicationName?: string;
}

/**
 * The database part of a request's 3 s budget (issue 14): at most 1 s waiting for a connection plus
 * one statement of at most 1.5 s (1.8 s when the server does not answer at all). A request fails at
 * its first timed-out statement with a 503, so the budget holds however many statements it runs.
 */
export const REQUEST_BUDGET = { connectTimeoutMs: 1000, statementTimeoutMs: 1500 } as const;

/** The message pg gives a query whose `query_timeout` ran out. */
const READ_TIMEOUT = 'Query read timeout';

/**
 * A client whose query ran out of time may still have it running on a hung server: close the socket
 * so the pool drops that client instead of queueing the next request behind it.
 */
class BudgetedClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query overloads are forwarded unchanged
  override query(...args: any[]): any {
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const result = (pg.Client.prototype.query as (...a: any[]) => any).apply(this, args);
    if (result && typeof result.catch === 'function') {
      result.catch((e: unknown) => {
        if ((e as Error | undefined)?.message === READ_TIMEOUT)
          (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      });
    }
    return result;
  }
}

export function createPool(options: PoolOptions): pg.Pool {
  const statement = options.statementTimeoutMs;
  const pool = new pg.Pool({
    ...(statement ? { Client: BudgetedClient } : {}),
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
    idleTimeoutMillis: 30_000,
    allowExitOnIdle: true,
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
    ...(statement
      ? {
          // Sent in the startup message: no extra round trip per connection.
          statement_timeout: statement,
          lock_timeout: Math.ceil(statement / 2),
          idle_in_transaction_session_timeout: statement * 4,
          query_timeout: statement + 300,
        }
      : {}),
  });
  // An idle client losing its server (database restart) must not crash the process.
  pool.on('error', () => {});
  return pool;
}

export function createDb(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
