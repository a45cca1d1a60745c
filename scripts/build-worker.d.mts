// Types for scripts/build-worker.mjs.
export function buildWorker(options?: { outdir?: string; minify?: boolean }): Promise<unknown>;
