// A short-lived per-process cache of slot responses; a booking change in this process clears it at once.
import type { AppDeps } from '../http/context.ts';
import type { ChangeScope } from '../platform/change-bus.ts';

export type { ChangeScope } from '../platform/change-bus.ts';

/** How long a computed calendar is served as fresh, and how long a stale one may be served while it refreshes. */
const FRESH_MS = 10_000;
const STALE_MS = 60_000;
const MAX_ENTRIES = 500;

/** A response body, encoded once and served many times. */
export type Body = Uint8Array;

interface Entry {
  body: Body;
  at: number;
}

export class SlotCache {
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

  /**
   * Forgets computed calendars. Memoized values (rosters, services) go too, except when `scope` says
   * only bookings changed: a booking cannot change who works when, and the hot booking path reads them.
   */
  clear(scope: ChangeScope = 'all'): void {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
    if (scope === 'all') this.values.clear();
  }

  private readonly values = new Map<string, { at: number; value: Promise<unknown> }>();

  /** A value for `key` kept `ttlMs` (a failed load is forgotten at once); cleared with the slots unless only bookings changed. */
  memo<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const hit = this.values.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.value as Promise<T>;
    const value = load();
    this.values.set(key, { at: Date.now(), value });
    value.catch(() => {
      if (this.values.get(key)?.value === value) this.values.delete(key);
    });
    return value;
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
        // A result computed before a booking change must not outlive it.
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

/** One cache per database handle, so code that only holds the handle (ad-hoc bookings) can clear it too. */
const caches = new WeakMap<object, SlotCache>();
const hooked = new WeakSet<AppDeps>();

/** The cache of one app instance; hooks `deps.onBookingChange` so any feature's booking change clears it. */
export function slotCacheFor(deps: AppDeps): SlotCache {
  const cache = cacheOf(deps.db);
  if (!hooked.has(deps)) {
    hooked.add(deps);
    const previous = deps.onBookingChange;
    deps.onBookingChange = (scope) => {
      // notifyBookingChange has already cleared this cache with the right scope.
      cache.clear('bookings');
      previous?.(scope);
    };
  }
  return cache;
}

export function cacheOf(db: object): SlotCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new SlotCache();
    caches.set(db, cache);
  }
  return cache;
}

/** Call after any change to bookings, hours, absences or capacity; `'bookings'` when only bookings changed. */
export function notifyBookingChange(deps: AppDeps, scope: ChangeScope = 'all'): void {
  cacheOf(deps.db).clear(scope);
  deps.onBookingChange?.(scope);
}

/** The same for code that has only the database handle. */
export function invalidateSlotCache(db: object, scope: ChangeScope = 'all'): void {
  caches.get(db)?.clear(scope);
}
