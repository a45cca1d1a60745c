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
    const path = new URL(c.req.url).pathname.slice(1);
    if (path.split('/').some((s) => s === '..' || s.startsWith('.'))) throw new AppError('not_found');
    const res =
      assets &&
      (await serveFile(
        assets,
        decodeURIComponent(path),
        c.req.header('accept-encoding'),
        'public, max-age=86400',
        c.req.method,
        c.req.header('range'),
      ));
    if (!res) throw new AppError('not_found');
    return res;
  });
