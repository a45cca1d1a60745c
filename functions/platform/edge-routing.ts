// Which requests the stateless workerd worker answers itself, which it may answer from its cache, and which object gets the rest.

/** Pages, built assets and liveness: no database, so no Durable Object hop (see functions/web/routes.ts). */
export function isEdgeRoute(method: string, pathname: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  return (
    pathname === '/healthz' ||
    pathname === '/' ||
    pathname === '/counsellor' ||
    pathname === '/admin' ||
    /^\/(j|m)\/[^/]+$/.test(pathname) ||
    /^\/(counsellor|admin|assets|static)\//.test(pathname)
  );
}

/**
 * The cache key of a public read the worker may serve from its process-wide cache, or null. Only
 * anonymous GETs without cookies: their answer is the same for every citizen asking.
 */
export function edgeCacheKey(
  method: string,
  url: URL,
  header: (name: string) => string | null,
): string | null {
  if (method !== 'GET' || header('cookie') || header('authorization')) return null;
  if (url.pathname === '/api/slots') return `slots ${url.search}`;
  // The answer varies by language only.
  if (url.pathname === '/api/services')
    return `services ${url.search} ${header('accept-language') ?? ''}`.slice(0, 512);
  return null;
}

/** 32-bit FNV-1a: a cheap, stable spread of keys over objects. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The object (0..objects-1) for a request. Public reads go by URL so each computation is cached in
 * one place; everything else by client address (a client's requests stay in order on one object and
 * meet the same in-memory rate limits); without a proxy header, `fallback` (round robin) spreads them.
 */
export function objectIndexOf(
  url: URL,
  clientAddress: string | undefined,
  objects: number,
  fallback: number,
): number {
  if (objects <= 1) return 0;
  if (url.pathname === '/api/slots' || url.pathname === '/api/services')
    return hashKey(url.pathname + url.search) % objects;
  if (clientAddress) return hashKey(clientAddress) % objects;
  return fallback % objects;
}
