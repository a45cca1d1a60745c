// The web pages (citizen booking, join, manage, accessibility information; counsellor dashboard; operator console)
// and their assets.
import { Hono } from 'hono';
import type { AppEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { serveFile } from './static-files.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

function page(name: string) {
  return async function servePage(c: import('hono').Context<AppEnv>) {
    const assets = c.get('deps').assets;
    const res =
      assets &&
      (await serveFile(
        assets,
        `pages/${name}.html`,
        c.req.header('accept-encoding'),
        'no-cache',
        c.req.method,
      ));
    if (!res)
      throw new AppError('not_found', { detail: 'The web pages are not built. Run `npm run build`.' });
    return res;
  };
}

/**
 * The asset path of a `/static/…` URL, decoded first and then checked: null for a bad escape, a
 * `..` or hidden segment, a backslash or control character, or anything outside `static/`.
 * @example staticPath('/static/%2e%2e%2fpages%2fadmin.html') // null
 */
export function staticPath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname).slice(1);
  } catch {
    return null;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\\\u0000-\u001f]/.test(decoded)) return null;
  const segments = decoded.split('/');
  if (segments[0] !== 'static' || segments.length < 2) return null;
  if (segments.some((s) => s === '' || s === '..' || s.startsWith('.'))) return null;
  return decoded;
}

export const webRoutes = new Hono<AppEnv>()
  .get('/', page('booking'))
  .get('/j/:code', page('join'))
  .get('/m/:token', page('manage'))
  .get('/barrierefreiheit', page('info'))
  .get('/leichte-sprache', page('info'))
  .get('/gebaerdensprache', page('info'))
  .get('/counsellor', page('counsellor'))
  .get('/counsellor/*', page('counsellor'))
  .get('/admin', page('admin'))
  .get('/admin/*', page('admin'))
  .get('/assets/:file{[A-Za-z0-9._-]+}', async (c) => {
    const assets = c.get('deps').assets;
    const res =
      assets &&
      (await serveFile(
        assets,
        `assets/${c.req.param('file')}`,
        c.req.header('accept-encoding'),
        IMMUTABLE,
        c.req.method,
      ));
    if (!res) throw new AppError('not_found');
    return res;
  })
  .get('/static/*', async (c) => {
    const assets = c.get('deps').assets;
    const path = staticPath(new URL(c.req.url).pathname);
    if (!path) throw new AppError('not_found');
    const res =
      assets &&
      (await serveFile(
        assets,
        path,
        c.req.header('accept-encoding'),
        'public, max-age=86400',
        c.req.method,
        c.req.header('range'),
      ));
    if (!res) throw new AppError('not_found');
    return res;
  });
