// workerd entry: the stateless worker answers pages, assets, liveness and cached public reads itself and
// spreads the rest over several Durable Objects, each owning a small pg pool.
import { DurableObject } from 'cloudflare:workers';
import type { Hono } from 'hono';
import * as v from 'valibot';
import { createApp, createEdgeApp } from './app/app.ts';
import { buildDeps } from './app/deps.ts';
import { createDb, createPool, REQUEST_BUDGET } from './db/connect.ts';
import { type Config, parseConfig } from './env.ts';
import {
  type ConfigProblem,
  checkConfig,
  logMisconfiguration,
  misconfiguredResponse,
} from './http/config-guard.ts';
import type { AppEnv, AssetStore } from './http/context.ts';
import { requestIdOf } from './http/middleware.ts';
import { routeGroup } from './metrics/route-group.ts';
import {
  addSeries,
  createFlusher,
  FLUSH_MS,
  SeriesListSchema,
  shareRequestMetrics,
} from './metrics/shared-request-metrics.ts';
import { REVALIDATE_HEADER } from './platform/body-cache.ts';
import { createChangeBus } from './platform/change-bus.ts';
import { createChangeListener } from './platform/change-listener.ts';
import { createEdgeCache } from './platform/edge-cache.ts';
import { edgeCacheKey, isEdgeRoute, objectIndexOf } from './platform/edge-routing.ts';
import { createRequestMetrics } from './platform/request-metrics.ts';
import { clockFromTestBinding } from './platform/test-clock.ts';

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

interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
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

// One workerd process runs the worker and all its objects in one isolate: these are shared by all of
// them (plain data only; each object keeps its own I/O).
const bus = createChangeBus();
const edgeCache = createEdgeCache(bus);

/** The object that holds the process's LISTEN connection; it never serves application requests. */
const LISTENER = 'listener';

/** Connections per object: the process's DB_POOL_MAX shared out, but at least two. */
function objectPoolSize(config: Config): number {
  return Math.max(2, Math.floor(config.DB_POOL_MAX / config.WORKERD_OBJECTS));
}

/** One of the process's objects: a pool, the app, and its slot cache cleared by every change in the process. */
export class AppHost extends DurableObject<WorkerEnv> {
  private readonly app: Hono<AppEnv>;
  private readonly listen: () => Promise<void>;
  /** The listener object only holds the LISTEN connection; the worker never forwards a client's request to it. */
  private readonly isListener: boolean;
  /** The listener object also writes the stateless worker's request counts (the worker has no pool of its own). */
  private readonly addEdgeCounts: (body: unknown) => Promise<void>;

  constructor(ctx: DurableObjectState, env: WorkerEnv) {
    super(ctx, env);
    this.isListener = String(ctx.id) === String(env.APP_HOST.idFromName(LISTENER));
    const parsed = parseConfig(env);
    const config = { ...parsed, DB_POOL_MAX: objectPoolSize(parsed) };
    const pool = createPool({
      connectionString: config.DATABASE_URL,
      max: config.DB_POOL_MAX,
      ...REQUEST_BUDGET,
    });
    const db = createDb(pool);
    const assets = diskAssets(env.ASSETS);
    const testClock = clockFromTestBinding(env);
    // A change made here reaches the other objects and the worker's cache before the answer leaves.
    const deps = buildDeps(config, db, {
      pool,
      bus,
      ...(assets ? { assets } : {}),
      ...(testClock ? { clock: testClock } : {}),
    });
    // Every object (and process) counts for itself; /metrics shows the sum from PostgreSQL.
    deps.requestMetrics = shareRequestMetrics(createRequestMetrics(), db, deps.log, () => deps.clock.now());
    this.addEdgeCounts = async (body) => {
      const parsed = v.safeParse(SeriesListSchema, body);
      if (parsed.success) await addSeries(db, parsed.output, deps.clock.now());
    };
    this.app = createApp(deps);
    let listener: ReturnType<typeof createChangeListener> | undefined;
    this.listen = () => {
      listener ??= createChangeListener({
        // LISTEN needs a session of its own: through PgBouncer's transaction pooling it would hear nothing.
        connectionString: config.DATABASE_LISTEN_URL || config.DATABASE_URL,
        bus,
        connectTimeoutMs: REQUEST_BUDGET.connectTimeoutMs,
        onError: (e) => deps.log.warn('change listener lost', { error: String(e) }),
      });
      return listener.ensure();
    };
  }

  override async fetch(request: Request): Promise<Response> {
    if (this.isListener) {
      // Listening first: a count that cannot be written (the database switching over) must not keep this process
      // from hearing changes. The worker keeps unwritten counts and sends them again after a 503.
      await this.listen();
      if (request.method === 'POST') {
        const body = await request.json().catch(() => null);
        const written = await this.addEdgeCounts(body).then(
          () => true,
          () => false,
        );
        if (!written) return new Response(null, { status: 503 });
      }
      return new Response(null, { status: 204 });
    }
    return this.app.fetch(request);
  }
}

let edge: { app: Hono<AppEnv>; config: Config } | { problems: ConfigProblem[] } | undefined;
/** Requests the stateless worker answers itself (pages, assets, liveness, cached reads). */
const edgeMetrics = createRequestMetrics();
let roundRobin = 0;
let lastListenPing = 0;

/** The edge app, or why this configuration must not serve (checked once: the environment is fixed). */
function edgeOf(env: WorkerEnv): { app: Hono<AppEnv>; config: Config } | { problems: ConfigProblem[] } {
  if (!edge) {
    const checked = checkConfig(env);
    if (!checked.ok) edge = { problems: checked.problems };
    else {
      const assets = diskAssets(env.ASSETS);
      // The edge app's routes never query: this pool is never connected.
      const db = createDb(createPool({ connectionString: checked.config.DATABASE_URL, max: 1 }));
      const deps = buildDeps(checked.config, db, assets ? { assets } : {});
      deps.requestMetrics = edgeMetrics;
      edge = { app: createEdgeApp(deps), config: checked.config };
    }
  }
  return edge;
}

/** Hands the worker's own request counts to the listener object, which adds them in PostgreSQL. */
const flushEdge = createFlusher(edgeMetrics, async (deltas) => {
  if (deltas.length === 0 || !flushStub) return;
  const res = await flushStub.fetch(`http://${LISTENER}/`, {
    method: 'POST',
    body: JSON.stringify(deltas),
  });
  await res.body?.cancel();
  if (!res.ok) throw new Error(`listener answered ${res.status}`);
});
/**
 * The stub the pending flush uses: made in the request that scheduled it, because workerd binds a Durable
 * Object stub to the request that created it (a stub kept from an earlier request fails, silently here).
 */
let flushStub: Fetcher | undefined;
let edgeFlushScheduled = false;

/**
 * Sends the worker's new request counts to the listener object FLUSH_MS after the first uncounted request
 * (one flush in flight at a time), so they reach PostgreSQL even when no later request comes.
 */
function shareEdgeCounts(env: WorkerEnv, ctx: ExecutionContext): void {
  if (edgeFlushScheduled) return;
  edgeFlushScheduled = true;
  flushStub = env.APP_HOST.get(env.APP_HOST.idFromName(LISTENER));
  ctx.waitUntil(
    new Promise((done) => setTimeout(done, FLUSH_MS))
      .then(() => flushEdge())
      .catch(() => {})
      .finally(() => {
        edgeFlushScheduled = false;
      }),
  );
}

/**
 * Asks the listener object to (re)connect when this process stopped hearing changes (at most once a
 * second), and pings it every 5 s anyway: workerd evicts an object after about a minute without requests.
 */
function keepListening(env: WorkerEnv, ctx: ExecutionContext, now: number): void {
  const since = now - lastListenPing;
  if (since < 1000 || (bus.listening && since < 5_000)) return;
  lastListenPing = now;
  // A stub of this request's own: one kept from an earlier request would fail (see flushStub).
  const stub = env.APP_HOST.get(env.APP_HOST.idFromName(LISTENER));
  ctx.waitUntil(
    stub.fetch(`http://${LISTENER}/`).then(
      (r) => r.body?.cancel(),
      () => {},
    ),
  );
}

/** The request refreshing a stale cached answer: the same public read, asking the object for a current body. */
function revalidation(request: Request): Request {
  const headers = new Headers({ [REVALIDATE_HEADER]: '1' });
  const language = request.headers.get('accept-language');
  if (language) headers.set('accept-language', language);
  return new Request(request.url, { headers });
}

function withoutRevalidate(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.delete(REVALIDATE_HEADER);
  return new Request(request, { headers });
}

/** Counts an answer the worker gave from its cache (those never reach the edge app's middleware). */
function countCacheHit(request: Request, pathname: string, res: Response, started: number): void {
  const seconds = (performance.now() - started) / 1000;
  edgeMetrics.observe(routeGroup(pathname), request.method, res.status, seconds);
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    const edge = edgeOf(env);
    const now = Date.now();
    if ('problems' in edge) {
      // No object is asked: its constructor would throw on the same configuration.
      logMisconfiguration(edge.problems, now);
      return misconfiguredResponse(
        url.pathname,
        edge.problems,
        requestIdOf(request.headers.get('x-request-id')),
      );
    }
    shareEdgeCounts(env, ctx);
    if (isEdgeRoute(request.method, url.pathname)) return edge.app.fetch(request);
    keepListening(env, ctx, now);
    const header = (name: string) => request.headers.get(name);
    const key = edgeCacheKey(request.method, url, header);
    const client = header('x-forwarded-for')?.split(',')[0]?.trim() || undefined;
    const index = objectIndexOf(url, client, edge.config.WORKERD_OBJECTS, roundRobin++);
    const object = () => env.APP_HOST.get(env.APP_HOST.idFromName(`app-${index}`));
    if (key) {
      const started = performance.now();
      const hit = edgeCache.get(key, now, requestIdOf(header('x-request-id')), {
        fetch: () => object().fetch(revalidation(request)),
        waitUntil: (p) => ctx.waitUntil(p),
      });
      if (hit) {
        countCacheHit(request, url.pathname, hit, started);
        return hit;
      }
    }
    const generation = bus.generation;
    // Only the worker's own refreshes may ask for one.
    const forwarded = request.headers.has(REVALIDATE_HEADER) ? withoutRevalidate(request) : request;
    const res = await object().fetch(forwarded);
    return key ? edgeCache.put(key, generation, now, res) : res;
  },
};
