// Builds the Preact pages: hashed ES modules with shared chunks, critical CSS inlined into each page's HTML,
// modulepreload for what the first render needs, and .br/.gz siblings for every file.

import { createHash } from 'node:crypto';
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
import { build, transformSync } from 'esbuild';
import { segmenterModel } from './segmenter-model.mjs';

/** Page name → URL patterns are defined in functions/web/pages.ts; here only the sources. */
export const PAGES = ['booking', 'join', 'manage', 'info', 'counsellor', 'admin'];

const TITLES = {
  booking: 'Videotermin buchen – Beratungsraum',
  join: 'Videotermin – Beratungsraum',
  manage: 'Termin verwalten – Beratungsraum',
  info: 'Barrierefreiheit – Beratungsraum',
  counsellor: 'Beratung – Beratungsraum',
  admin: 'Betrieb – Beratungsraum',
};

/** Shared style sheets inlined into some pages besides base.css and the page's own style.css. */
const EXTRA_CSS = {
  booking: ['web/src/shared/calendar.css'],
  manage: ['web/src/shared/calendar.css'],
};

/** Extra files copied verbatim into dist/web/static (local model files, wasm, icons). */
export const STATIC_COPIES = [
  { from: 'web/public', to: 'static' },
  // The counsellor's background blur: @mediapipe/tasks-vision's module and WebAssembly (SIMD build only) served
  // locally; the model is added by buildWeb (it needs metadata written at build time, scripts/segmenter-model.mjs).
  {
    from: 'node_modules/@mediapipe/tasks-vision/vision_bundle.mjs',
    to: 'static/mediapipe/vision_bundle.mjs',
  },
  {
    from: 'node_modules/@mediapipe/tasks-vision/wasm/vision_wasm_internal.js',
    to: 'static/mediapipe/vision_wasm_internal.js',
  },
  {
    from: 'node_modules/@mediapipe/tasks-vision/wasm/vision_wasm_internal.wasm',
    to: 'static/mediapipe/vision_wasm_internal.wasm',
  },
];

/** The browsers the pages support: scripts and the inlined CSS are lowered for the same list. */
const BROWSERS = ['chrome80', 'firefox78', 'safari14.1', 'ios14.5'];

function readIf(path) {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/** esbuild's CSS minifier for the inlined critical styles (the same tool bundles the scripts). */
function minifyCss(css) {
  return transformSync(css, { loader: 'css', minify: true, target: BROWSERS }).code.trim();
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

// Compressing the large model and wasm files at top quality takes tens of seconds, so results are cached by
// content hash across builds (node_modules/.cache is never committed).
const COMPRESS_CACHE = 'node_modules/.cache/beratungsraum-compress';
function compressCached(raw) {
  const key = createHash('sha256').update(raw).digest('hex');
  const brPath = join(COMPRESS_CACHE, `${key}.br`);
  const gzPath = join(COMPRESS_CACHE, `${key}.gz`);
  if (existsSync(brPath) && existsSync(gzPath)) return { br: readFileSync(brPath), gz: readFileSync(gzPath) };
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: raw.length > 1 << 20 ? 9 : 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const gz = gzipSync(raw, { level: 9 });
  mkdirSync(COMPRESS_CACHE, { recursive: true });
  writeFileSync(brPath, br);
  writeFileSync(gzPath, gz);
  return { br, gz };
}

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|wasm|txt|tflite|binarypb|data)$/;

/** Pages that speak German and English only (web/src/shared/i18n.ts reads `data-langs`); citizen pages speak all. */
const STAFF_PAGES = ['counsellor', 'admin'];

/** Citizen pages and staff pages are bundled separately so each side's shared chunks hold only what it uses. */
const GROUPS = [
  ['booking', 'join', 'manage', 'info'],
  ['counsellor', 'admin'],
];

/** Incompressible bytes for the connection check (web/src/shared/connection-check.ts PROBE_BYTES). */
const PROBE_BYTES = 65_536;

function writeProbe(outdir) {
  const bytes = Buffer.alloc(PROBE_BYTES);
  let x = 0x9e3779b9;
  for (let i = 0; i < bytes.length; i++) {
    // xorshift32: deterministic, so the file (and its caching) is stable across builds.
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  mkdirSync(join(outdir, 'static'), { recursive: true });
  writeFileSync(join(outdir, 'static', 'probe.bin'), bytes);
}

async function bundle(outdir, entryPoints, minify) {
  const result = await build({
    entryPoints,
    outdir: join(outdir, 'assets'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2020', ...BROWSERS],
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
  return result.metafile.outputs;
}

export async function buildWeb({ outdir = 'dist/web', minify = true } = {}) {
  // Empty the folder rather than replace it: a running workerd keeps serving from the same directory.
  mkdirSync(outdir, { recursive: true });
  for (const f of readdirSync(outdir)) rmSync(join(outdir, f), { recursive: true, force: true });
  mkdirSync(join(outdir, 'pages'), { recursive: true });
  const pages = PAGES.filter((p) => existsSync(`web/src/${p}/index.tsx`));
  const entryPoints = Object.fromEntries(pages.map((p) => [p, `web/src/${p}/index.tsx`]));
  const outputs = {};
  for (const group of GROUPS) {
    const entries = Object.fromEntries(group.filter((p) => entryPoints[p]).map((p) => [p, entryPoints[p]]));
    if (Object.keys(entries).length) Object.assign(outputs, await bundle(outdir, entries, minify));
  }
  for (const copy of STATIC_COPIES) {
    if (existsSync(copy.from)) cpSync(copy.from, join(outdir, copy.to), { recursive: true });
  }
  cpSync(segmenterModel(), join(outdir, 'static/mediapipe/selfie_segmenter.tflite'));
  writeProbe(outdir);
  const rel = (p) => `/${relative(outdir, p).split('\\').join('/')}`;
  const importsOf = (file, kinds, seen = new Set()) => {
    for (const imp of outputs[file]?.imports ?? []) {
      if (kinds.includes(imp.kind) && !seen.has(imp.path)) {
        seen.add(imp.path);
        importsOf(imp.path, ['import-statement'], seen);
      }
    }
    return seen;
  };
  const manifest = { pages: {}, builtAt: new Date().toISOString() };
  const baseCss = readIf('web/src/shared/base.css');
  for (const page of pages) {
    const entry = Object.keys(outputs).find((o) => outputs[o].entryPoint === entryPoints[page]);
    if (!entry) throw new Error(`no output for page ${page}`);
    const preload = [...importsOf(entry, ['import-statement'])];
    const lazy = new Set();
    for (const file of [entry, ...preload]) {
      for (const imp of outputs[file]?.imports ?? []) {
        if (imp.kind !== 'dynamic-import') continue;
        for (const f of [imp.path, ...importsOf(imp.path, ['import-statement'])]) lazy.add(f);
      }
    }
    for (const f of [entry, ...preload]) lazy.delete(f);
    // The strings of the first render, one chunk set per language (web/src/shared/catalogue.ts): the page fetches
    // the chosen language's right after its entry, so each language counts towards the first-render budget.
    const strings = {};
    for (const file of [entry, ...preload]) {
      for (const imp of outputs[file]?.imports ?? []) {
        const l =
          imp.kind === 'dynamic-import' &&
          /web\/src\/lang\/([a-z]+)\//.exec(outputs[imp.path]?.entryPoint ?? '');
        if (!l) continue;
        strings[l[1]] ??= [];
        strings[l[1]].push(rel(imp.path));
      }
    }
    const extra = (EXTRA_CSS[page] ?? []).map(readIf).join('');
    const css = minifyCss(baseCss + extra + readIf(`web/src/${page}/style.css`));
    const html = [
      `<!doctype html><html lang="de"${STAFF_PAGES.includes(page) ? ' data-langs="de en"' : ''}><head><meta charset="utf-8">`,
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
      lazy: [...lazy].map(rel),
      strings,
    };
  }
  writeFileSync(join(outdir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const sizes = {};
  for (const file of walk(outdir)) {
    if (!COMPRESSIBLE.test(file) || file.endsWith('.br') || file.endsWith('.gz')) continue;
    const raw = readFileSync(file);
    if (raw.length < 256) continue;
    const { br, gz } = compressCached(raw);
    if (br.length < raw.length) writeFileSync(`${file}.br`, br);
    if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
    sizes[rel(file)] = { raw: raw.length, br: br.length, gzip: gz.length };
  }
  const total = (files) => ({
    raw: files.reduce((n, f) => n + (sizes[f]?.raw ?? 0), 0),
    br: files.reduce((n, f) => n + (sizes[f]?.br ?? sizes[f]?.raw ?? 0), 0),
    gzip: files.reduce((n, f) => n + (sizes[f]?.gzip ?? sizes[f]?.raw ?? 0), 0),
  });
  for (const [page, info] of Object.entries(manifest.pages)) {
    const files = [info.html, ...info.critical];
    const langs = Object.entries(info.strings);
    if (langs.length === 0) sizes[`first-render:${page}`] = total(files);
    for (const [l, chunks] of langs) sizes[`first-render:${page}:${l}`] = total([...files, ...chunks]);
  }
  writeFileSync(join(outdir, 'sizes.json'), JSON.stringify(sizes, null, 2));
  return { pages, manifest, sizes, outdir, dirname: dirname(outdir), name: basename(outdir) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await buildWeb();
  console.log(`built ${r.pages.length} pages into ${r.outdir}`);
  for (const [key, first] of Object.entries(r.sizes)) {
    if (!key.startsWith('first-render:')) continue;
    console.log(`  ${key.slice(13).padEnd(14)} first render ${first.br} B brotli, ${first.gzip} B gzip`);
  }
}
