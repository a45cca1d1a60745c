// A tiny history router for the staff pages: the path as a signal, navigation without reloads.
import { signal } from '@preact/signals';

export const path = signal(location.pathname);

addEventListener('popstate', () => {
  path.value = location.pathname;
});

export function navigate(to: string): void {
  if (to === path.value) return;
  history.pushState(null, '', to);
  path.value = to;
  // Move focus to the new view's heading for screen-reader and keyboard users.
  queueMicrotask(() => document.querySelector<HTMLElement>('main h1, main h2')?.focus());
}

/** Click handler for in-page links: plain clicks navigate in place, modified clicks open normally. */
export function onLinkClick(e: MouseEvent): void {
  const a = e.currentTarget as HTMLAnchorElement;
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(a.pathname + a.search);
}
