// Model of data a staff page loads: the value, the error text of the last load, and reload, as signals.
import { type Signal, signal } from '@preact/signals';

export interface Resource<T> {
  /** The last loaded value; `initial` until the first load answers. */
  readonly data: Signal<T>;
  /** The error text of the last load, empty after a good one. */
  readonly error: Signal<string>;
  readonly loading: Signal<boolean>;
  /** Loads again; a failure keeps the last value and sets `error`. Resolves true when it worked. */
  reload(): Promise<boolean>;
}

/** `describe` turns a failure into the text the page shows (staff/error-text.ts on the pages). */
export function createResource<T>(
  load: () => Promise<T>,
  initial: T,
  describe: (error: unknown) => string,
): Resource<T> {
  const data = signal(initial);
  const error = signal('');
  const loading = signal(false);
  // Only the answer of the latest load counts: an older, slower one must not overwrite it.
  let generation = 0;
  return {
    data,
    error,
    loading,
    async reload() {
      const mine = ++generation;
      loading.value = true;
      try {
        const value = await load();
        if (mine !== generation) return false;
        data.value = value;
        error.value = '';
        return true;
      } catch (e) {
        if (mine === generation) error.value = describe(e);
        return false;
      } finally {
        if (mine === generation) loading.value = false;
      }
    },
  };
}

/** Data behind a filter (a period, an id, "all or open"): `show` sets the filter and loads what it selects. */
export interface FilteredResource<Q, T> extends Resource<T> {
  readonly query: Signal<Q>;
  show(next: Q): Promise<boolean>;
}

export function createFilteredResource<Q, T>(
  initialQuery: Q,
  load: (query: Q) => Promise<T>,
  initial: T,
  describe: (error: unknown) => string,
): FilteredResource<Q, T> {
  const query = signal(initialQuery);
  const resource = createResource(() => load(query.value), initial, describe);
  return {
    ...resource,
    query,
    show(next) {
      query.value = next;
      return resource.reload();
    },
  };
}
