// Tells a database that is down apart from a bug, so outages become 503 and not 500.
// 57014: statement_timeout ran out; 55P03: lock_timeout ran out (the request budget of functions/db/connect.ts).
// 08P01: PgBouncer's own errors (its server is down or being switched over); 25006: a write reached a
// read-only standby (a switchover not finished yet).
const UNAVAILABLE_CODES = new Set([
  '57014',
  '55P03',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '3D000',
  '08P01',
  '25006',
]);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const err = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof err.code === 'string' && (UNAVAILABLE_CODES.has(err.code) || NETWORK_CODES.has(err.code)))
      return true;
    const msg = typeof err.message === 'string' ? err.message : '';
    if (
      /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error|Connection refused|network connection was lost|socket hang up|the database system is (starting up|shutting down)|Query read timeout/i.test(
        msg,
      )
    ) {
      return true;
    }
    e = err.cause;
  }
  return false;
}

/** PostgreSQL SQLSTATE of an error, if any. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
