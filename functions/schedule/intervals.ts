// Sorted interval arithmetic over epoch milliseconds; intervals are [start, end) unless named otherwise.
export type Span = readonly [start: number, end: number];

/** Merges overlapping or touching spans; input in any order. */
export function mergeSpans(spans: Span[]): Span[] {
  if (spans.length <= 1) return spans.slice();
  const sorted = spans.slice().sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) {
      if (e > last[1]) last[1] = e;
    } else out.push([s, e]);
  }
  return out;
}

/** `base` minus every span in `cut`; both sorted and non-overlapping (`cut` may overlap, it is scanned). */
export function subtractSpans(base: readonly Span[], cut: readonly Span[]): Span[] {
  if (cut.length === 0) return base.slice();
  const out: Span[] = [];
  let j = 0;
  for (const [bs, be] of base) {
    let cursor = bs;
    while (j < cut.length && (cut[j] as Span)[1] <= cursor) j++;
    let k = j;
    while (k < cut.length && (cut[k] as Span)[0] < be) {
      const [cs, ce] = cut[k] as Span;
      if (cs > cursor) out.push([cursor, Math.min(cs, be)]);
      if (ce > cursor) cursor = ce;
      if (cursor >= be) break;
      k++;
    }
    if (cursor < be) out.push([cursor, be]);
  }
  return out;
}

/**
 * Union of closed ranges given as separate lists of lower and upper bounds (same length, each
 * range lo[i] <= hi[i]); sorts both natively instead of comparing objects.
 */
export function unionClosed(lo: Float64Array, hi: Float64Array): Span[] {
  lo.sort();
  hi.sort();
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  let depth = 0;
  let open = 0;
  while (j < hi.length) {
    if (i < lo.length && (lo[i] as number) <= (hi[j] as number)) {
      if (depth++ === 0) open = lo[i] as number;
      i++;
    } else {
      if (--depth === 0) out.push([open, hi[j] as number]);
      j++;
    }
  }
  return out;
}

/** Intersection of two sorted lists of disjoint closed ranges. */
export function intersectClosed(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [as, ae] = a[i] as Span;
    const [bs, be] = b[j] as Span;
    const s = Math.max(as, bs);
    const e = Math.min(ae, be);
    if (s <= e) out.push([s, e]);
    if (ae < be) i++;
    else j++;
  }
  return out;
}
