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
    });
    next.on('error', (e) => drop(next, e));
    next.on('end', () => drop(next));
    next.on('notification', (n) => {
      if (n.channel === 'calendar_changed') options.bus.publish(scopeOfPayload(n.payload));
    });
    client = next;
    try {
      await next.connect();
      await next.query('LISTEN calendar_changed');
      if (client === next && !stopped) {
        options.bus.setListening(true);
        clearInterval(beating);
        beating = setInterval(() => options.bus.beat(), BEAT_INTERVAL_MS);
      }
    } catch (e) {
      drop(next, e);
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
