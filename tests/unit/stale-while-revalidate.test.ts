// The slot caches past their fresh period: a stale answer is served while one refresh runs; a change drops it at once.
import { describe, expect, it } from 'vitest';
import { BodyCache, FRESH_MS, STALE_MAX_MS } from '../../functions/platform/body-cache.ts';
import { createChangeBus } from '../../functions/platform/change-bus.ts';
import { createEdgeCache, type Refresher } from '../../functions/platform/edge-cache.ts';

const text = (body: Uint8Array) => new TextDecoder().decode(body);
const bytes = (s: string) => new TextEncoder().encode(s);

/** A load whose results the test hands out one by one, counting the calls. */
function controlledLoad() {
  const pending: ((body: string) => void)[] = [];
  const load = () => new Promise<Uint8Array>((resolve) => pending.push((s) => resolve(bytes(s))));
  return {
    load,
    get calls() {
      return pending.length;
    },
    finish: (index: number, body: string) => pending[index]?.(body),
  };
}

/** A cache holding `v1` for key `k`, computed at the start of the test's clock. */
async function primed() {
  const clock = { now: 1_000_000 };
  const cache = new BodyCache(() => clock.now);
  const l = controlledLoad();
  const first = cache.get('k', l.load);
  l.finish(0, 'v1');
  expect(text(await first)).toBe('v1');
  return { cache, l, clock, get: (options?: { revalidate: boolean }) => cache.get('k', l.load, options) };
}

describe('BodyCache (the slot cache of each app instance)', () => {
  it('serves a body past its fresh period at once and recomputes it once in the background', async () => {
    const { l, clock, get } = await primed();
    clock.now += FRESH_MS - 1;
    expect(text(await get())).toBe('v1');
    expect(l.calls).toBe(1);

    clock.now += 1;
    const stale = await Promise.all([get(), get(), get()]);
    expect(stale.map(text)).toEqual(['v1', 'v1', 'v1']);
    expect(l.calls).toBe(2);

    l.finish(1, 'v2');
    await new Promise((r) => setTimeout(r, 0));
    expect(text(await get())).toBe('v2');
    expect(l.calls).toBe(2);
  });

  it('never serves a body past the hard limit: the caller waits for the recomputation', async () => {
    const { l, clock, get } = await primed();
    clock.now += STALE_MAX_MS;
    const waiting = get();
    expect(l.calls).toBe(2);
    l.finish(1, 'v2');
    expect(text(await waiting)).toBe('v2');
  });

  it('never serves an invalidated body, not even one whose load began before the change', async () => {
    const { cache, l, clock, get } = await primed();
    clock.now += FRESH_MS + 1;
    // Stale: served while the refresh (call 1) runs; then a booking changes the calendar.
    expect(text(await get())).toBe('v1');
    cache.clear();
    const after = get();
    expect(l.calls).toBe(3);
    l.finish(1, 'computed-before-the-change');
    l.finish(2, 'v3');
    expect(text(await after)).toBe('v3');
    expect(text(await get())).toBe('v3');
  });

  it('answers a revalidation with a current body, never the stale one', async () => {
    const { l, clock, get } = await primed();
    clock.now += FRESH_MS + 1;
    const stale = get();
    const current = get({ revalidate: true });
    // The revalidation joins the refresh the stale read started instead of starting another.
    expect(l.calls).toBe(2);
    l.finish(1, 'v2');
    expect(text(await stale)).toBe('v1');
    expect(text(await current)).toBe('v2');
  });
});

describe('edge cache (the workerd process-wide cache)', () => {
  function setup() {
    let now = 5_000_000;
    const bus = createChangeBus(() => now);
    bus.setListening(true);
    const cache = createEdgeCache(bus);
    const background: Promise<unknown>[] = [];
    const origin: { body: string; release: () => void }[] = [];
    const refresher: Refresher = {
      fetch: () =>
        new Promise<Response>((resolve) => {
          const entry = { body: `v${origin.length + 2}`, release: () => {} };
          entry.release = () => resolve(new Response(entry.body, { status: 200 }));
          origin.push(entry);
        }),
      waitUntil: (p) => background.push(p),
    };
    const read = async () => {
      const res = cache.get('slots ?x', now, 'req', refresher);
      return res ? await res.text() : null;
    };
    return {
      bus,
      cache,
      origin,
      background,
      read,
      advance: (ms: number) => {
        now += ms;
        bus.beat();
      },
      put: (body: string) => cache.put('slots ?x', bus.generation, now, new Response(body, { status: 200 })),
    };
  }

  it('serves a stale answer with one refresh per key, then the refreshed answer', async () => {
    const t = setup();
    await (await t.put('v1')).text();
    expect(await t.read()).toBe('v1');
    expect(t.origin).toHaveLength(0);

    t.advance(FRESH_MS);
    expect([await t.read(), await t.read(), await t.read()]).toEqual(['v1', 'v1', 'v1']);
    expect(t.origin).toHaveLength(1);

    t.origin[0]?.release();
    await Promise.all(t.background);
    expect(await t.read()).toBe('v2');
    expect(t.origin).toHaveLength(1);
  });

  it('drops a stale answer on a change: never served again, and the refresh begun before it is not kept', async () => {
    const t = setup();
    await (await t.put('v1')).text();
    t.advance(FRESH_MS + 1);
    expect(await t.read()).toBe('v1');
    expect(t.origin).toHaveLength(1);
    t.bus.publish('bookings');
    expect(await t.read()).toBeNull();
    t.origin[0]?.release();
    await Promise.all(t.background);
    expect(await t.read()).toBeNull();
  });

  it('stops serving at the hard limit and while changes from other processes cannot be heard', async () => {
    const t = setup();
    await (await t.put('v1')).text();
    t.advance(STALE_MAX_MS);
    expect(await t.read()).toBeNull();

    await (await t.put('v1')).text();
    t.bus.setListening(false);
    expect(await t.read()).toBeNull();
  });
});
