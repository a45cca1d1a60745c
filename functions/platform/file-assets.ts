// An AssetStore over a folder of built web assets, for Deno and Node (workerd uses a disk service).
import type { AssetStore } from './ports.ts';

export function createFileAssets(dir: string, read: (path: string) => Promise<Uint8Array>): AssetStore {
  const root = dir.replace(/\/+$/, '');
  return {
    async get(path) {
      const clean = path.replace(/^\/+/, '');
      if (clean.split('/').some((seg) => seg === '..' || seg === '')) return null;
      try {
        return await read(`${root}/${clean}`);
      } catch {
        return null;
      }
    },
  };
}
