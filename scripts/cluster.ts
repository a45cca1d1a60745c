// `npm run cluster`: the several-servers topology on this machine (PostgreSQL primary + synchronous standby,
// PgBouncer, N workerd processes behind nginx, a LiveKit cluster of two nodes sharing Redis, demo data); Ctrl-C
// stops everything.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recommendCapacity } from '../functions/capacity/node-sizing.ts';
import { syncNodeCapacity } from '../functions/capacity/nodes-repository.ts';
import { seedDemoData } from '../functions/db/seed.ts';
import { parseConfig } from '../functions/env.ts';
import { type Cluster, startCluster } from './lib/cluster.ts';
import { liveKitBuilt } from './lib/livekit.ts';
import { type LivekitCluster, startLivekitCluster } from './lib/livekit-cluster.ts';
import { pg15Missing } from './lib/pg-pair.ts';

const processesArg = process.argv.find((a) => a.startsWith('--processes='));
const processes = Math.max(1, Number(processesArg?.split('=')[1] ?? process.env.CLUSTER_PROCESSES ?? 2));
let cluster: Cluster | undefined;
let livekit: LivekitCluster | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (stopping) process.exit(code);
  stopping = true;
  process.stdout.write('\nStopping …\n');
  await cluster?.stop().catch((e) => console.error(String(e)));
  await livekit?.stop().catch((e) => console.error(String(e)));
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main(): Promise<void> {
  const missing = pg15Missing();
  if (missing) throw new Error(missing);
  const config = parseConfig(process.env);
  const port = config.PORT;
  const base = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'br-cluster-'));
  // PostgreSQL and PgBouncer run as the `postgres` user when this runs as root: let them through.
  chmodSync(dir, 0o755);
  console.log('• Building worker and web pages …');
  const { buildWorker } = await import('./build-worker.mjs');
  const { buildWeb } = await import('./build-web.mjs');
  await buildWorker();
  await buildWeb();
  (await import('esbuild')).stop();

  const env: Record<string, string> = {
    PUBLIC_BASE_URL: base,
    INTERNAL_TOKEN: randomBytes(24).toString('base64url'),
    // A throwaway cluster: links in its SMS are sealed with a key that lives as long as it does.
    LINK_ENCRYPTION_KEYS: `dev:${randomBytes(32).toString('base64')}`,
    OPERATOR_TOTP: 'optional',
    LOG_LEVEL: config.LOG_LEVEL,
  };
  if (liveKitBuilt()) {
    const nodes = Math.max(1, Number(process.env.CLUSTER_LIVEKIT_NODES ?? 2));
    console.log(`• Starting LiveKit (${nodes} nodes sharing Redis, nginx in front) …`);
    livekit = await startLivekitCluster({
      dir: join(dir, 'livekit'),
      nodes,
      webhookUrl: `${base}/api/livekit/webhook`,
    });
    for (const n of livekit.nodes) console.log(`  node ${n.id} ${n.url} (metrics ${n.metricsUrl})`);
    env.LIVEKIT_URL = livekit.url;
    env.LIVEKIT_API_KEY = livekit.apiKey;
    env.LIVEKIT_API_SECRET = livekit.apiSecret;
    env.LIVEKIT_TURN_URLS = livekit.nodes.flatMap((n) => n.turnUrls).join(',');
  } else console.log('  (no LiveKit build: run `npm run livekit:build` for video)');

  console.log(`• Starting PostgreSQL primary + standby, PgBouncer, ${processes} workerd processes, nginx …`);
  cluster = await startCluster({
    dir: join(dir, 'servers'),
    processes,
    port,
    env,
    seed: async (db) => {
      await seedDemoData(db, { password: config.DEMO_PASSWORD });
      const nodes = livekit?.nodes ?? [];
      if (nodes.length === 0) return;
      // The nodes are known to the app as an operator would register them (Video nodes page), so capacity is
      // their sum and a node that dies lowers it. They share this machine: one core each, sized by the
      // measured figure for the standard profile.
      const { capacity } = recommendCapacity(1, 'standard');
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('livekit_nodes')
          .values(
            nodes.map((n) => ({
              name: `node ${n.id}`,
              url: n.url,
              metrics_url: n.metricsUrl,
              cores: 1,
              capacity,
            })),
          )
          .execute();
        await syncNodeCapacity(trx, new Date(), 'maintenance_window');
      });
    },
    onOutput: (line) => {
      if (config.LOG_LEVEL === 'debug' || !line.includes('"level":"info"')) console.log(`[workerd] ${line}`);
    },
  });
  const c = cluster;
  const tick = () =>
    fetch(`${c.workers[0]?.url}/internal/tick`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.INTERNAL_TOKEN}` },
    }).then(
      (r) => r.arrayBuffer(),
      () => {},
    );
  setInterval(tick, 60_000).unref();
  void tick();
  // A switchover on demand, as an operator would run deploy/pg-switchover.sh.
  process.on('SIGUSR2', () => {
    console.log('• Switchover requested …');
    c.switchover().then(
      (out) => console.log(`${out}  PostgreSQL now on port ${c.primary().port}`),
      (e: unknown) => console.error(String(e)),
    );
  });
  console.log(`
Beratungsraum cluster is running.
  Citizen booking:   ${base}/          (nginx → ${c.workers.map((w) => w.url).join(', ')})
  Counsellor:        ${base}/counsellor   (berater1@example.org / DEMO_PASSWORD)
  Operator:          ${base}/admin        (admin@example.org / DEMO_PASSWORD)
  PostgreSQL:        primary :${c.pg.primary.port}, synchronous standby :${c.pg.standby.port}
  PgBouncer:         ${c.bouncer.url} (transaction), ${c.bouncer.listenUrl} (session, LISTEN)
  Video (LiveKit):   ${env.LIVEKIT_URL ?? 'not configured'}
  Switchover:        kill -USR2 ${process.pid}
Press Ctrl-C to stop.
`);
}

main().catch(async (e) => {
  console.error(`\nCluster start failed: ${(e as Error).stack ?? e}`);
  await shutdown(1);
});
