// A short-lived cache of encoded response bodies (the public slot calendar), one per app instance, built
// in functions/app/deps.ts; a calendar change clears it at once (AppDeps.calendarChanged).

/** How long a computed body is served as fresh, and how long a stale one may be served while it refreshes. */
const FRESH_MS = 10_000;
const STALE_MS = 60_000;
const MAX_ENTRIES = 500;

/** A response body, encoded once and served many times. */
export type Body = Uint8Array;

interface Entry {
  body: Body;
  at: number;
}

export class BodyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Body>>();
  private generation = 0;

  /**
   * The cached body for `key`, else the result of `load` (one load per key at a time). A body older
   * than FRESH_MS is still returned, once, while a refresh runs in the background.
   */
  async get(key: string, load: () => Promise<Body>): Promise<Body> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < FRESH_MS) return hit.body;
    if (hit && now - hit.at < STALE_MS) {
      if (!this.loading.has(key)) this.refresh(key, load).catch(() => {});
      return hit.body;
    }
    return this.loading.get(key) ?? this.refresh(key, load);
  }

  /** Forgets every body, and makes loads that are under way unable to store theirs. */
  clear(): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  private refresh(key: string, load: () => Promise<Body>): Promise<Body> {
    const generation = this.generation;
    const started = Date.now();
    const promise = load().finally(() => {
      if (this.loading.get(key) === promise) this.loading.delete(key);
    });
    this.loading.set(key, promise);
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
