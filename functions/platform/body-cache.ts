// A short-lived cache of encoded response bodies (the public slot calendar), one per app instance, built
// in functions/app/deps.ts; a calendar change clears it at once (AppDeps.calendarChanged).

/** How long a computed body is served as fresh; the worker's process-wide cache (edge-cache.ts) uses the same. */
export const FRESH_MS = 10_000;
/**
 * The hard limit for serving a body past its fresh period while one refresh runs. Changes to what the
 * calendar is computed from clear the cache at once; this bounds only what time alone changes (the
 * minimum notice moving on), which the booking itself checks again anyway.
 */
export const STALE_MAX_MS = 60_000;
/** Sent by the workerd worker with the one request that refreshes a stale answer of its cache (GetOptions.revalidate). */
export const REVALIDATE_HEADER = 'x-cache-revalidate';
/** A revalidation accepts a body whose computation started at most this long before it asked. */
const REVALIDATE_WINDOW_MS = 1_000;
const MAX_ENTRIES = 500;

/** A response body, encoded once and served many times. */
export type Body = Uint8Array;

interface Entry {
  body: Body;
  /** When the computation of the body started: anything that changed after it is not in it. */
  at: number;
}

interface Loading {
  promise: Promise<Body>;
  at: number;
}

export interface GetOptions {
  /**
   * The asker keeps a stale copy itself (the worker's cache) and wants a current one: a body started
   * within REVALIDATE_WINDOW_MS, from a load under way or a new one, never a stale one. Bounded like
   * any miss (one load per key at a time), so a client sending it gains nothing over a new key.
   */
  revalidate?: boolean;
}

export class BodyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Loading>();
  private generation = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The cached body for `key`, else the result of `load` (one load per key at a time). A body past
   * FRESH_MS but under STALE_MAX_MS is returned at once while one refresh runs in the background.
   */
  get(key: string, load: () => Promise<Body>, options: GetOptions = {}): Promise<Body> {
    const now = this.now();
    const hit = this.entries.get(key);
    const age = hit ? now - hit.at : Number.POSITIVE_INFINITY;
    const pending = this.loading.get(key);
    if (options.revalidate) {
      if (hit && age <= REVALIDATE_WINDOW_MS) return Promise.resolve(hit.body);
      if (pending && now - pending.at <= REVALIDATE_WINDOW_MS) return pending.promise;
      return this.refresh(key, load);
    }
    if (hit && age < FRESH_MS) return Promise.resolve(hit.body);
    if (hit && age < STALE_MAX_MS) {
      if (!pending) this.refresh(key, load).catch(() => {});
      return Promise.resolve(hit.body);
    }
    return pending?.promise ?? this.refresh(key, load);
  }

  /** Forgets every body, and makes loads that are under way unable to store theirs. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  private refresh(key: string, load: () => Promise<Body>): Promise<Body> {
    const generation = this.generation;
    const started = this.now();
    const promise = load().finally(() => {
      if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
    });
    this.loading.set(key, { promise, at: started });
    promise.then(
      (body) => {
        // A result computed before a change must not outlive it.
        if (generation !== this.generation) return;
        if (this.entries.size >= MAX_ENTRIES) {
          const oldest = this.entries.keys().next().value;
          if (oldest !== undefined) this.entries.delete(oldest);
        }
        this.entries.delete(key);
        this.entries.set(key, { body, at: started });
      },
      () => {},
    );
    return promise;
  }
}
