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
  headers.set('content-length', String(body.byteLength));
  return new Response(method === 'HEAD' ? null : (body as BodyInit), { headers });
}
