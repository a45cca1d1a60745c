// Per-language string catalogues: each language of a module is its own chunk, fetched only when that language is used.
import type { Lang } from './langs.ts';

type Loader<T> = () => Promise<{ default: T }>;

/** One module's strings in every language, each its own chunk; only the languages asked for are fetched. */
export interface Catalogue<T> {
  loaders: Record<Lang, Loader<T>>;
  loaded: Partial<Record<Lang, T>>;
}

// Every catalogue a page has evaluated so far; a language switch loads the new language of all of them first.
const catalogues: Catalogue<unknown>[] = [];

export function catalogue<T>(loaders: Record<Lang, Loader<T>>): Catalogue<T> {
  const c: Catalogue<T> = { loaders, loaded: {} };
  catalogues.push(c as Catalogue<unknown>);
  return c;
}

async function loadInto(c: Catalogue<unknown>, l: Lang): Promise<void> {
  if (!(l in c.loaded)) c.loaded[l] = (await c.loaders[l]()).default;
}

/** Loads one language of every catalogue evaluated so far. */
export function loadCatalogues(l: Lang): Promise<void> {
  return Promise.all(catalogues.map((c) => loadInto(c, l))).then(() => undefined);
}
