// A process-wide signal that calendar data changed: every Durable Object and the stateless worker of one
// workerd process share it, and the database's NOTIFY feeds it changes from other processes.

/** What changed: only bookings (and their capacity use), or anything the calendar depends on. */
export type ChangeScope = 'bookings' | 'all';

export interface ChangeBus {
  /** Rises with every change seen in this process; a cached answer is valid only for the generation it was computed in. */
  readonly generation: number;
  /**
   * True while a LISTEN connection is up and its holder still beats, i.e. while changes made by other
   * processes reach this one. workerd evicts an idle object without running its code again, so a
   * connection's own close events cannot be relied on.
   */
  readonly listening: boolean;
  publish(scope: ChangeScope): void;
  subscribe(onChange: (scope: ChangeScope) => void): () => void;
  setListening(up: boolean): void;
  /** Called by the connection's holder every BEAT_INTERVAL_MS while it is up. */
  beat(): void;
}

export const BEAT_INTERVAL_MS = 1_000;
/**
 * Generous against an overloaded event loop (a late timer must not make the cache flap), yet far
 * below the minute after which workerd evicts an object that got no requests.
 */
export const BEAT_TIMEOUT_MS = 10_000;

/**
 * A listener's callbacks only touch plain data (maps and counters), never promises or I/O objects, so
 * workerd lets one object's change clear another object's cache.
 */
export function createChangeBus(now: () => number = Date.now): ChangeBus {
  const subscribers = new Set<(scope: ChangeScope) => void>();
  let generation = 0;
  let listening = false;
  let lastBeat = 0;
  const bus: ChangeBus = {
    get generation() {
      return generation;
    },
    get listening() {
      if (listening && now() - lastBeat > BEAT_TIMEOUT_MS) bus.setListening(false);
      return listening;
    },
    publish(scope) {
      generation++;
      for (const onChange of subscribers) onChange(scope);
    },
    subscribe(onChange) {
      subscribers.add(onChange);
      return () => subscribers.delete(onChange);
    },
    setListening(up) {
      // Changes made while nobody listened (or while an evicted holder still counted as up) went
      // unseen: everything cached may be stale.
      if (up || listening) bus.publish('all');
      listening = up;
      if (up) lastBeat = now();
    },
    beat() {
      lastBeat = now();
    },
  };
  return bus;
}

/** Reads a NOTIFY payload of migration 0140; anything unexpected counts as a change to everything. */
export function scopeOfPayload(payload: string | undefined): ChangeScope {
  return payload === 'bookings' ? 'bookings' : 'all';
}
