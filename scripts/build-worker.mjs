// Bundles functions/worker.ts for workerd with esbuild (pg's node: built-ins stay external for nodejs_compat).

import { mkdirSync } from 'node:fs';
import { build } from 'esbuild';

// Node built-ins the dependencies use: bare names are aliased to node:, and CommonJS require() is shimmed.
const NODE_MODULES = [
  'buffer',
  'crypto',
  'dns',
  'events',
  'fs',
  'net',
  'os',
  'path',
  'stream',
  'string_decoder',
  'tls',
  'url',
  'util',
  'util/types',
];

export async function buildWorker({ outdir = 'dist/worker', minify = true } = {}) {
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    entryPoints: { worker: 'functions/worker.ts' },
    outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    external: ['node:*', 'cloudflare:*', 'pg-native'],
    alias: {
      // Bare built-in names that dependencies import map to their node: form.
      ...Object.fromEntries(['assert', ...NODE_MODULES].map((m) => [m, `node:${m}`])),
    },
    banner: { js: requireShim() },
    minify,
    sourcemap: false,
    metafile: true,
    logLevel: 'warning',
  });
  return result;
}

// CommonJS dependencies (pg) call require('node:x'); an ESM bundle has no require, so give it one.
function requireShim() {
  const imports = NODE_MODULES.map((m, i) => `import * as __node${i} from 'node:${m}';`).join('\n');
  const table = NODE_MODULES.map((m, i) => `${JSON.stringify(m)}: __node${i}`).join(', ');
  return `${imports}\nconst __nodeModules = { ${table} };\nconst require = (m) => { const x = __nodeModules[m.replace(/^node:/, '')]; if (!x) throw new Error('cannot require ' + m); return x.default ?? x; };`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildWorker();
  console.log('built dist/worker/worker.js');
}
