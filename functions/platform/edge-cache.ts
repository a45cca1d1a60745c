// Answers of public reads kept by the stateless workerd worker for the whole process, dropped on any calendar change.
import { FRESH_MS, STALE_MAX_MS } from './body-cache.ts';
import type { ChangeBus } from './change-bus.ts';

const MAX_ENTRIES = 500;
/** A refresh that has not ended after this long (its request hung) no longer stops the next one. */
const REFRESH_CLAIM_MS = 5_000;

interface Entry {
  headers: [string, string][];
  body: Uint8Array;
  at: number;
}

/** How a stale answer is refreshed: the request to the object behind the worker, run after the answer is sent. */
export interface Refresher {
  fetch: () => Promise<Response>;
  waitUntil: (promise: Promise<unknown>) => void;
}

export interface EdgeCache {
  /**
   * A copy of the cached answer, or null; only while the bus hears other processes' changes. An
   * answer past FRESH_MS (and under STALE_MAX_MS) is still returned, and the first such read starts
   * the one refresh of its key in this process (`refresher`), which replaces it when it succeeds.
   */
  get(key: string, now: number, requestId: string, refresher?: Refresher): Response | null;
  /** Keeps a 200 answer computed from `generation` unless something changed since; returns the response to send. */
  put(key: string, generation: number, now: number, response: Response): Promise<Response>;
}

/**
 * Entries hold bytes and header pairs only (plain data, no promises or streams), so any request of
 * the process may read what another stored. An answer computed while a change arrived is sent but not
 * kept: it may predate the change. A change drops every entry at once, stale or not.
 */
export function createEdgeCache(bus: ChangeBus): EdgeCache {
  const entries = new Map<string, Entry>();
  /** Keys with a refresh under way, and since when (one per key and process). */
  const refreshing = new Map<string, { at: number }>();
  bus.subscribe(() => entries.clear());

  /** The body of a 200 answer, stored unless the bus moved on; null for any other status. */
  async function store(key: string, generation: number, now: number, response: Response) {
    if (response.status !== 200 || !bus.listening || generation !== bus.generation) return null;
    const body = new Uint8Array(await response.arrayBuffer());
    const headers = [...response.headers].filter(([name]) => name !== 'x-request-id');
    if (generation === bus.generation && bus.listening) {
      if (entries.size >= MAX_ENTRIES) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.delete(key);
      entries.set(key, { headers, body, at: now });
    }
    return body;
  }

  function refresh(key: string, now: number, refresher: Refresher): void {
    const claimed = refreshing.get(key);
    if (claimed && now - claimed.at < REFRESH_CLAIM_MS) return;
    const claim = { at: now };
    refreshing.set(key, claim);
    const generation = bus.generation;
    const run = async () => {
      try {
        const response = await refresher.fetch();
        if ((await store(key, generation, now, response)) === null) await response.body?.cancel();
      } catch {
        // The stale answer stays until STALE_MAX_MS; the next read past it tries again.
      } finally {
        if (refreshing.get(key) === claim) refreshing.delete(key);
      }
    };
    refresher.waitUntil(run());
  }

  return {
    get(key, now, requestId, refresher) {
      if (!bus.listening) return null;
      const hit = entries.get(key);
      if (!hit) return null;
      const age = now - hit.at;
      if (age >= STALE_MAX_MS || (age >= FRESH_MS && !refresher)) {
        entries.delete(key);
        return null;
      }
      if (age >= FRESH_MS && refresher) refresh(key, now, refresher);
      const headers = new Headers(hit.headers);
      headers.set('x-request-id', requestId);
      return new Response(hit.body as BodyInit, { status: 200, headers });
    },
    async put(key, generation, now, response) {
      const body = await store(key, generation, now, response);
      if (body === null) return response;
      return new Response(body as BodyInit, { status: response.status, headers: response.headers });
    },
  };
}
