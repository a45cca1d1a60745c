// Runs work once the first contentful paint has happened, so what loads next never delays the first render.

/** Calls `run` after the first contentful paint (or after `fallbackMs` where paint timing is missing or a
 * background tab never paints). */
export function afterFirstPaint(run: () => void, fallbackMs = 1000): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    setTimeout(run, 0);
  };
  try {
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      go();
    });
    observer.observe({ type: 'paint', buffered: true });
  } catch {
    // No paint timing in this browser: the fallback below decides.
  }
  setTimeout(go, fallbackMs);
}
