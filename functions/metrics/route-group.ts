// Maps a matched route pattern to the small, fixed set of route groups the request metrics are labelled with; pure.

/**
 * The group of a Hono route pattern: the API area for `/api/...`, the page for pages, fixed names
 * for the operational endpoints, `unmatched` when no route answered. The label set stays bounded
 * whatever paths clients send.
 * @example routeGroup('/api/bookings/manage/:token') // 'api_bookings'
 * @example routeGroup('/j/:code') // 'page_join'
 */
export function routeGroup(pattern: string): string {
  // Only catch-all middleware (`*`, `/api/*`) matched: nothing answered but the not-found handler.
  const base = pattern.replace(/\/?\*$/, '');
  if (base === '' || base === '/api') return 'unmatched';
  if (pattern === '/healthz' || pattern === '/readyz') return 'health';
  if (pattern === '/metrics') return 'metrics';
  if (pattern.startsWith('/internal/')) return 'internal';
  const api = /^\/api\/([a-z][a-z-]*)/.exec(pattern);
  if (api?.[1]) return `api_${api[1].replace(/-/g, '_')}`;
  if (pattern === '/') return 'page_booking';
  const page = /^\/(j|m|counsellor|admin)(\/|$)/.exec(pattern);
  if (page?.[1]) return `page_${PAGE_NAMES[page[1]] ?? page[1]}`;
  return 'static';
}

const PAGE_NAMES: Record<string, string> = { j: 'join', m: 'manage' };
