// Builds everything workerd serves: the worker bundle and the web pages.

import { buildWeb } from './build-web.mjs';
import { buildWorker } from './build-worker.mjs';

const started = Date.now();
await buildWorker();
const web = await buildWeb();
console.log(`built worker and ${web.pages.length} pages in ${Date.now() - started} ms`);
