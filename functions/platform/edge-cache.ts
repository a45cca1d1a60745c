// Answers of public reads kept by the stateless workerd worker for the whole process, dropped on any calendar change.
import type { ChangeBus } from './change-bus.ts';

/** As long as the slot cache behind it (functions/platform/body-cache.ts) calls an answer fresh. */
const FRESH_MS = 10_000;
const MAX_ENTRIES = 500;

interface Entry {
  headers: [string, string][];
  body: Uint8Array;
  at: number;
}

export interface EdgeCache {
  /** A copy of the cached answer, or null; only while the bus hears other processes' changes. */
  get(key: string, now: number, requestId: string): Response | null;
  /** Keeps a 200 answer computed from `generation` unless something changed since; returns the response to send. */
  put(key: string, generation: number, now: number, response: Response): Promise<Response>;
}

/**
 * Entries hold bytes and header pairs only (plain data, no promises or streams), so any request of
 * the process may read what another stored. An answer computed while a change arrived is sent but not
 * kept: it may predate the change.
 */
export function createEdgeCache(bus: ChangeBus): EdgeCache {
  const entries = new Map<string, Entry>();
  bus.subscribe(() => entries.clear());
  return {
    get(key, now, requestId) {
      if (!bus.listening) return null;
      const hit = entries.get(key);
      if (!hit) return null;
      if (now - hit.at >= FRESH_MS) {
        entries.delete(key);
        return null;
      }
      const headers = new Headers(hit.headers);
      headers.set('x-request-id', requestId);
      return new Response(hit.body as BodyInit, { status: 200, headers });
    },
    async put(key, generation, now, response) {
      if (response.status !== 200 || !bus.listening || generation !== bus.generation) return response;
      const body = new Uint8Array(await response.arrayBuffer());
      const headers = [...response.headers].filter(([name]) => name !== 'x-request-id');
      if (generation === bus.generation && bus.listening) {
        if (entries.size >= MAX_ENTRIES) {
          const oldest = entries.keys().next().value;
          if (oldest !== undefined) entries.delete(oldest);
        }
        entries.set(key, { headers, body, at: now });
      }
      return new Response(body as BodyInit, { status: response.status, headers: response.headers });
    },
  };
}
