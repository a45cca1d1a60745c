// Holds one LISTEN connection to PostgreSQL and feeds `calendar_changed` notifications (migration 0140) into a ChangeBus.
import pg from 'pg';
import { BEAT_INTERVAL_MS, type ChangeBus, scopeOfPayload } from './change-bus.ts';

export interface ChangeListener {
  /** Connects if not connected (or reconnecting); resolves when listening or after a failed attempt. */
  ensure(): Promise<void>;
  stop(): Promise<void>;
}

export interface ChangeListenerOptions {
  connectionString: string;
  bus: ChangeBus;
  connectTimeoutMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * The bus reports `listening` only between a successful LISTEN and the connection's first error, so a
 * cache that trusts it never misses a change; after a loss `ensure()` (called by traffic) reconnects.
 */
export function createChangeListener(options: ChangeListenerOptions): ChangeListener {
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let stopped = false;
  let beating: ReturnType<typeof setInterval> | undefined;

  const drop = (failed: pg.Client, error?: unknown) => {
    if (client !== failed) return;
    client = null;
    clearInterval(beating);
    options.bus.setListening(false);
    if (error) options.onError?.(error);
    failed.end().catch(() => {});
  };

  const connect = async () => {
    const next = new pg.Client({
      connectionString: options.connectionString,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
      application_name: 'beratungsraum-listener',
      // Bounds the heartbeat's round trip: no answer within this is a dead connection.
      query_timeout: 2 * BEAT_INTERVAL_MS,
    });
    next.on('error', (e) => drop(next, e));
    next.on('end', () => drop(next));
    next.on('notification', (n) => {
      if (n.channel === 'calendar_changed') options.bus.publish(scopeOfPayload(n.payload));
    });
    client = next;
    // One bound for the whole attempt: a connect that never settles (PgBouncer paused, a socket half open) would
    // otherwise hold `connecting` forever, and this process would never listen again.
    const attempt = (async () => {
      await next.connect();
      await next.query('LISTEN calendar_changed');
    })();
    attempt.catch(() => {});
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('change listener: no LISTEN within its time')),
        (options.connectTimeoutMs ?? 2000) + 2 * BEAT_INTERVAL_MS,
      );
    });
    try {
      await Promise.race([attempt, deadline]);
      if (client === next && !stopped) {
        options.bus.setListening(true);
        clearInterval(beating);
        // The beat is a round trip on this very connection: a socket that died quietly (PgBouncer's KILL during a
        // switchover, a primary that vanished) gives no 'end' event under workerd, so a timer alone would keep
        // claiming to listen while nothing arrives.
        let pinging = false;
        beating = setInterval(() => {
          if (pinging) return;
          pinging = true;
          next
            .query('SELECT 1')
            .then(
              () => {
                if (client === next) options.bus.beat();
              },
              (e: unknown) => drop(next, e),
            )
            .finally(() => {
              pinging = false;
            });
        }, BEAT_INTERVAL_MS);
      }
    } catch (e) {
      drop(next, e);
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    ensure() {
      if (stopped || (client && options.bus.listening)) return Promise.resolve();
      connecting ??= connect().finally(() => {
        connecting = null;
      });
      return connecting;
    },
    async stop() {
      stopped = true;
      clearInterval(beating);
      const c = client;
      client = null;
      options.bus.setListening(false);
      await c?.end().catch(() => {});
    },
  };
}
