// Types for scripts/build-web.mjs.
export const PAGES: string[];
export const STATIC_COPIES: { from: string; to: string }[];
export interface WebBuild {
  pages: string[];
  manifest: { pages: Record<string, { html: string; entry: string; critical: string[] }> };
  sizes: Record<string, { raw: number; br: number; gzip: number }>;
  outdir: string;
}
export function buildWeb(options?: { outdir?: string; minify?: boolean }): Promise<WebBuild>;
