// Serves built pages and assets with content negotiation for precompressed .br/.gz and immutable caching.
import type { AssetStore } from '../http/context.ts';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  wasm: 'application/wasm',
  tflite: 'application/octet-stream',
  binarypb: 'application/octet-stream',
  data: 'application/octet-stream',
  txt: 'text/plain; charset=utf-8',
  woff2: 'font/woff2',
  mp4: 'video/mp4',
  webm: 'video/webm',
  vtt: 'text/vtt; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return TYPES[ext] ?? 'application/octet-stream';
}

/** Picks the best stored encoding the client accepts: brotli, then gzip, then none. */
export function acceptedEncodings(acceptEncoding: string | undefined): ('br' | 'gzip')[] {
  const header = (acceptEncoding ?? '').toLowerCase();
  const out: ('br' | 'gzip')[] = [];
  if (/\bbr\b/.test(header)) out.push('br');
  if (/\bgzip\b/.test(header)) out.push('gzip');
  return out;
}

export async function serveFile(
  assets: AssetStore,
  path: string,
  acceptEncoding: string | undefined,
  cacheControl: string,
  method = 'GET',
  range?: string,
): Promise<Response | null> {
  const headers = new Headers({
    'content-type': contentTypeOf(path),
    'cache-control': cacheControl,
    vary: 'accept-encoding',
  });
  for (const enc of acceptedEncodings(acceptEncoding)) {
    const body = await assets.get(`${path}.${enc === 'br' ? 'br' : 'gz'}`);
    if (body) {
      headers.set('content-encoding', enc);
      headers.set('content-length', String(body.byteLength));
      // workerd would otherwise compress the already compressed body again.
      return new Response(method === 'HEAD' ? null : (body as BodyInit), {
        headers,
        encodeBody: 'manual',
      } as ResponseInit);
    }
  }
  const body = await assets.get(path);
  if (!body) return null;
  headers.set('accept-ranges', 'bytes');
  // Safari plays a video only from a server that answers byte ranges (the agency's sign-language video).
  const part = range ? byteRange(range, body.byteLength) : null;
  if (part === 'unsatisfiable') {
    headers.set('content-range', `bytes */${body.byteLength}`);
    return new Response(null, { status: 416, headers });
  }
  if (part) {
    headers.set('content-range', `bytes ${part.start}-${part.end}/${body.byteLength}`);
    headers.set('content-length', String(part.end - part.start + 1));
    const slice = body.slice(part.start, part.end + 1);
    return new Response(method === 'HEAD' ? null : (slice as BodyInit), { status: 206, headers });
  }
  headers.set('content-length', String(body.byteLength));
  return new Response(method === 'HEAD' ? null : (body as BodyInit), { headers });
}

/**
 * One byte range of a `Range` header (several ranges are answered with the whole file, as RFC 9110 allows).
 * @example byteRange('bytes=0-1', 10) // { start: 0, end: 1 }
 * @example byteRange('bytes=-4', 10) // { start: 6, end: 9 }
 */
export function byteRange(
  header: string,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const n = Math.min(Number(m[2]), size);
    return n === 0 ? 'unsatisfiable' : { start: size - n, end: size - 1 };
  }
  const start = Number(m[1]);
  if (start >= size) return 'unsatisfiable';
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return end < start ? null : { start, end };
}
