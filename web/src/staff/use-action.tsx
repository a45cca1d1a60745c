// Per-component staff models (a form's request, loaded data) with the staff texts, and the feedback line.
import { useEffect, useMemo } from 'preact/hooks';
import { tr } from '../shared/i18n.ts';
import { type ActionModel, type ActionTexts, createAction } from './action-model.ts';
import { errorText } from './error-text.ts';
import {
  createFilteredResource,
  createResource,
  type FilteredResource,
  type Resource,
} from './resource-model.ts';
import { STAFF } from './strings.ts';

const TEXTS: ActionTexts = { describe: errorText, saved: () => tr(STAFF).saved };

/** One action model for the life of the calling component. */
export function useAction(): ActionModel {
  return useMemo(() => createAction(TEXTS), []);
}

/**
 * Data loaded when the component mounts, again every `everyMs` if given, and on `reload()`, for the life of
 * the component.
 */
export function useResource<T>(load: () => Promise<T>, initial: T, everyMs?: number): Resource<T> {
  const resource = useMemo(() => createResource(load, initial, errorText), []);
  useEffect(() => {
    void resource.reload();
    if (!everyMs) return;
    const timer = setInterval(() => void resource.reload(), everyMs);
    return () => clearInterval(timer);
  }, []);
  return resource;
}

/** Data behind a filter, loaded for `initialQuery` when the component mounts and on every `show(query)`. */
export function useFilteredResource<Q, T>(
  initialQuery: Q,
  load: (query: Q) => Promise<T>,
  initial: T,
): FilteredResource<Q, T> {
  const resource = useMemo(() => createFilteredResource(initialQuery, load, initial, errorText), []);
  useEffect(() => void resource.reload(), []);
  return resource;
}

/** The error and success lines under a form, announced to screen readers. */
export function Feedback({ error, note }: { error: string; note: string }) {
  return (
    <p role="status" aria-live="polite" class={error ? 'err' : 'ok'}>
      {error || note}
    </p>
  );
}
