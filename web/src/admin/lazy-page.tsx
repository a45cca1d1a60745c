// A console page that loads on its first visit, so the first render carries only what most visits need.
import { signal } from '@preact/signals';
import type { FunctionComponent } from 'preact';
import { tr } from '../shared/i18n.ts';
import { STAFF } from '../staff/strings.ts';

/**
 * Wraps a page module's import; the page shows "Loading …" until the chunk is there.
 * @example const InterpretersPage = lazyPage(() => import('./interpreters.tsx').then((m) => m.InterpretersPage));
 */
export function lazyPage(load: () => Promise<FunctionComponent>): FunctionComponent {
  const page = signal<FunctionComponent | null>(null);
  let started = false;
  return function LazyPage() {
    const Loaded = page.value;
    if (Loaded) return <Loaded />;
    if (!started) {
      started = true;
      void load().then((p) => {
        page.value = p;
      });
    }
    return <p role="status">{tr(STAFF).loading}</p>;
  };
}
