// Builds the Preact pages: hashed ES modules with shared chunks, critical CSS inlined into each page's HTML,
// modulepreload for what the first render needs, and .br/.gz siblings for every file.

import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Page name → URL patterns are defined in functions/web/pages.ts; here only the sources. */
export const PAGES = ['booking', 'join', 'manage', 'counsellor', 'admin'];

const TITLES = {
  booking: 'Videotermin buchen – Beratungsraum',
  join: 'Videotermin – Beratungsraum',
  manage: 'Termin verwalten – Beratungsraum',
  counsellor: 'Beratung – Beratungsraum',
  admin: 'Betrieb – Beratungsraum',
};

/** Extra files copied verbatim into dist/web/static (local model files, wasm, icons). */
export const STATIC_COPIES = [{ from: 'web/public', to: 'static' }];

function readIf(path) {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|wasm|txt|tflite|binarypb|data)$/;

export async function buildWeb({ outdir = 'dist/web', minify = true } = {}) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(join(outdir, 'pages'), { recursive: true });
  const pages = PAGES.filter((p) => existsSync(`web/src/${p}/index.tsx`));
  const entryPoints = Object.fromEntries(pages.map((p) => [p, `web/src/${p}/index.tsx`]));
  const result = await build({
    entryPoints,
    outdir: join(outdir, 'assets'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2020', 'safari14'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    entryNames: '[name]-[hash]',
    chunkNames: 'c-[hash]',
    assetNames: 'a-[hash]',
    minify,
    metafile: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  for (const copy of STATIC_COPIES) {
    if (existsSync(copy.from)) cpSync(copy.from, join(outdir, copy.to), { recursive: true });
  }
  const outputs = result.metafile.outputs;
  const rel = (p) => `/${relative(outdir, p).split('\\').join('/')}`;
  const staticImports = (file, seen = new Set()) => {
    for (const imp of outputs[file]?.imports ?? []) {
      if (imp.kind === 'import-statement' && !seen.has(imp.path)) {
        seen.add(imp.path);
        staticImports(imp.path, seen);
      }
    }
    return seen;
  };
  const manifest = { pages: {}, builtAt: new Date().toISOString() };
  const baseCss = readIf('web/src/shared/base.css');
  for (const page of pages) {
    const entry = Object.keys(outputs).find((o) => outputs[o].entryPoint === entryPoints[page]);
    if (!entry) throw new Error(`no output for page ${page}`);
    const preload = [...staticImports(entry)];
    const css = minifyCss(baseCss + readIf(`web/src/${page}/style.css`));
    const html = [
      '<!doctype html><html lang="de"><head><meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width,initial-scale=1">',
      '<meta name="color-scheme" content="light"><meta name="robots" content="noindex">',
      `<title>${TITLES[page]}</title>`,
      '<link rel="icon" href="data:,">',
      css ? `<style>${css}</style>` : '',
      ...preload.map((p) => `<link rel="modulepreload" href="${rel(p)}">`),
      `<script type="module" src="${rel(entry)}"></script>`,
      '</head><body><div id="app"><noscript>Bitte aktivieren Sie JavaScript. / Please enable JavaScript.</noscript></div></body></html>',
    ].join('');
    writeFileSync(join(outdir, 'pages', `${page}.html`), html);
    manifest.pages[page] = {
      html: `/pages/${page}.html`,
      entry: rel(entry),
      critical: [rel(entry), ...preload.map(rel)],
    };
  }
  writeFileSync(join(outdir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const sizes = {};
  for (const file of walk(outdir)) {
    if (!COMPRESSIBLE.test(file) || file.endsWith('.br') || file.endsWith('.gz')) continue;
    const raw = readFileSync(file);
    if (raw.length < 256) continue;
    const br = brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length) writeFileSync(`${file}.br`, br);
    if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
    sizes[rel(file)] = { raw: raw.length, br: br.length, gzip: gz.length };
  }
  writeFileSync(join(outdir, 'sizes.json'), JSON.stringify(sizes, null, 2));
  return { pages, manifest, sizes, outdir, dirname: dirname(outdir), name: basename(outdir) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await buildWeb();
  console.log(`built ${r.pages.length} pages into ${r.outdir}`);
}
