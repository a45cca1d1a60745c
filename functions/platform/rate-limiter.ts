// Fixed-window counters in memory, per process; enough to slow guessing of join codes and passwords.
import type { RateLimiter } from '../http/context.ts';

export function createMemoryRateLimiter(enabled = true, maxKeys = 100_000): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number; windowMs: number }>();
  return {
    hit(key, limit, windowMs, now) {
      if (!enabled) return { ok: true };
      let w = windows.get(key);
      if (!w || now - w.startedAt >= w.windowMs) {
        if (windows.size >= maxKeys) sweep(windows, now);
        w = { startedAt: now, count: 0, windowMs };
        windows.set(key, w);
      }
      w.count += 1;
      if (w.count > limit)
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil((w.startedAt + w.windowMs - now) / 1000)),
        };
      return { ok: true };
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

function sweep(windows: Map<string, { startedAt: number; windowMs: number }>, now: number): void {
  for (const [k, w] of windows) if (now - w.startedAt >= w.windowMs) windows.delete(k);
  if (windows.size > 0) {
    // Still full of live windows: drop the oldest half rather than grow without bound.
    let n = Math.floor(windows.size / 2);
    for (const k of windows.keys()) {
      if (n-- <= 0) break;
      windows.delete(k);
    }
  }
}
