// workerd entry: static assets from the stateless worker; the app runs in a Durable Object that owns the pg Pool.
import { DurableObject } from 'cloudflare:workers';
import type { Hono } from 'hono';
import { createDb, createPool } from './db/connect.ts';
import { parseConfig } from './env.ts';
import { createApp } from './http/app.ts';
import type { AppEnv, AssetStore } from './http/context.ts';
import { buildDeps } from './platform/deps.ts';

interface Fetcher {
  fetch(input: Request | string, init?: RequestInit): Promise<Response>;
}

export interface WorkerEnv {
  APP_HOST: DurableObjectNamespace;
  ASSETS?: Fetcher;
  [key: string]: unknown;
}

interface DurableObjectNamespace {
  idFromName(name: string): unknown;
  get(id: unknown): Fetcher;
}

function diskAssets(assets: Fetcher | undefined): AssetStore | undefined {
  if (!assets) return undefined;
  return {
    async get(path) {
      const res = await assets.fetch(`http://assets/${path.replace(/^\/+/, '')}`);
      if (!res.ok) {
        await res.body?.cancel();
        return null;
      }
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}

/** Holds the pool for the life of the process: workerd lets a Durable Object reuse I/O across requests. */
export class AppHost extends DurableObject<WorkerEnv> {
  private readonly app: Hono<AppEnv>;

  constructor(ctx: DurableObjectState, env: WorkerEnv) {
    super(ctx, env);
    const config = parseConfig(env);
    const pool = createPool({ connectionString: config.DATABASE_URL, max: config.DB_POOL_MAX });
    const assets = diskAssets(env.ASSETS);
    this.app = createApp(buildDeps(config, createDb(pool), { pool, ...(assets ? { assets } : {}) }));
  }

  override fetch(request: Request): Promise<Response> | Response {
    return this.app.fetch(request);
  }
}

export default {
  fetch(request: Request, env: WorkerEnv): Promise<Response> {
    const stub = env.APP_HOST.get(env.APP_HOST.idFromName('primary'));
    return stub.fetch(request);
  },
};
