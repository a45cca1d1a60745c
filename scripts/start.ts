// `npm start`: PostgreSQL (embedded unless DATABASE_URL), migrations, demo data, build, LiveKit (dev), workerd,
// a tick every minute; Ctrl-C / SIGTERM stops everything it started.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { seedDemoData } from '../functions/app/seed.ts';
import { createDb, createPool } from '../functions/db/connect.ts';
import { migrateToLatest } from '../functions/db/migrator.ts';
import { parseConfig } from '../functions/env.ts';
import { type EmbeddedDb, startEmbeddedPostgres } from './lib/embedded-postgres.ts';
import { canListen, type LiveKitServer, liveKitBuilt, startLiveKit } from './lib/livekit.ts';
import { processCount, startWorkerd, type WorkerdProcess } from './lib/workerd.ts';

const stoppers: (() => Promise<void>)[] = [];
let stopping = false;

function step(msg: string): () => void {
  const started = Date.now();
  process.stdout.write(`• ${msg} …`);
  return () => process.stdout.write(` done (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

async function shutdown(code: number): Promise<never> {
  if (stopping) process.exit(code);
  stopping = true;
  process.stdout.write('\nStopping …\n');
  for (const stop of stoppers.reverse()) await stop().catch((e) => console.error(String(e)));
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/** Without a gateway the SMS texts are the developer's only way to the join and manage links: show them plainly. */
function printSms(line: string): void {
  try {
    const m = JSON.parse(line.slice(line.indexOf('{'))) as { to?: string; text?: string };
    console.log(`\n[SMS to ${m.to ?? '?'}]\n${m.text ?? ''}\n`);
  } catch {
    console.log(`[workerd] ${line}`);
  }
}

/** `dev:<base64 32 bytes>`, made once per DATA_DIR (mode 0600). */
function devLinkKey(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'link-key');
  if (!existsSync(file)) writeFileSync(file, `dev:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** The address LiveKit tells browsers: LIVEKIT_NODE_IP, else HOST, else (HOST 0.0.0.0) the first LAN address. */
function nodeIpFor(host: string, configured: string): string {
  if (configured) return configured;
  if (host !== '0.0.0.0') return host;
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  return lan?.address ?? '127.0.0.1';
}

async function main(): Promise<void> {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.env);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.PORT = String(config.PORT);
  env.PUBLIC_BASE_URL = config.PUBLIC_BASE_URL;
  env.INTERNAL_TOKEN = config.INTERNAL_TOKEN || randomBytes(24).toString('base64url');
  // Links in queued SMS are sealed with this key; kept in DATA_DIR so a restart can still send them.
  if (config.LINK_ENCRYPTION_KEYS.length === 0) env.LINK_ENCRYPTION_KEYS = devLinkKey(config.DATA_DIR);

  // The demo operator logs in with the demo password alone; production keeps TOTP required for operators.
  env.OPERATOR_TOTP = process.env.OPERATOR_TOTP || 'optional';

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const done = step(`Starting embedded PostgreSQL (data in ${resolve(config.DATA_DIR)})`);
    const pg: EmbeddedDb = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, quiet: true });
    stoppers.push(() => pg.stop());
    databaseUrl = pg.url;
    done();
  }
  env.DATABASE_URL = databaseUrl;

  let done = step('Applying migrations');
  const db = createDb(createPool({ connectionString: databaseUrl, max: 2 }));
  const applied = await migrateToLatest(db);
  done();
  if (applied.length) console.log(`  applied: ${applied.join(', ')}`);
  done = step('Checking demo data');
  const seeded = await seedDemoData(db, { password: config.DEMO_PASSWORD });
  await db.destroy();
  done();
  if (seeded) console.log('  created demo services, counsellors and logins');

  done = step('Building worker and web pages');
  const { buildWorker } = await import('./build-worker.mjs');
  const { buildWeb } = await import('./build-web.mjs');
  await buildWorker();
  await buildWeb();
  // esbuild keeps its service process (about 128 MB) for further builds; there are none.
  (await import('esbuild')).stop();
  done();

  let livekit: LiveKitServer | null = null;
  if (!config.LIVEKIT_URL && !liveKitBuilt() && spawnSync('go', ['version']).status === 0) {
    console.log('• Building the LiveKit server once from the Go module proxy (a few minutes) …');
    const built = spawnSync('bash', ['scripts/build-livekit.sh'], { stdio: 'inherit' });
    if (built.status !== 0) console.log('  LiveKit build failed; starting without video.');
  }
  if (!config.LIVEKIT_URL) {
    if (liveKitBuilt()) {
      const nodeIp = nodeIpFor(config.HOST, config.LIVEKIT_NODE_IP);
      // Browsers are told turns:NODE_IP:443, so TURN/TLS is only useful where 443 can be had.
      const tls = await canListen(config.HOST, 443);
      done = step(`Starting LiveKit server (dev mode, media on ${nodeIp})`);
      livekit = await startLiveKit({
        dir: resolve(config.DATA_DIR, 'livekit'),
        host: config.HOST,
        nodeIp,
        turnTlsPort: tls ? 443 : false,
        webhookUrl: `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}/api/livekit/webhook`,
      });
      stoppers.push(() => livekit!.stop());
      env.LIVEKIT_URL = livekit.url.replace('0.0.0.0', '127.0.0.1');
      if (config.HOST === '0.0.0.0' && !config.LIVEKIT_PUBLIC_URL)
        env.LIVEKIT_PUBLIC_URL = `ws://${nodeIp}:${livekit.port}`;
      env.LIVEKIT_API_KEY = livekit.apiKey;
      env.LIVEKIT_API_SECRET = livekit.apiSecret;
      env.LIVEKIT_TURN_URLS ||= livekit.turnUrls.join(',');
      done();
      console.log(
        `  TURN/UDP and STUN on ${nodeIp}:${livekit.turnUdpPort}; TURN/TLS ${tls ? `on ${nodeIp}:443 (self-signed certificate in ${resolve(config.DATA_DIR, 'livekit')})` : 'off (port 443 not available to this user)'}`,
      );
    } else {
      console.log(
        '  (no LiveKit build found: run `npm run livekit:build` for video; booking works without it)',
      );
    }
  }

  const processes = processCount(config.WORKERD_PROCESSES);
  done = step(`Starting ${processes} workerd process${processes === 1 ? '' : 'es'} on port ${config.PORT}`);
  const worker: WorkerdProcess = await startWorkerd({
    host: config.HOST,
    port: config.PORT,
    env,
    processes,
    onOutput: (line) => {
      if (line.includes('"msg":"sms (no gateway configured)"')) printSms(line);
      else if (config.LOG_LEVEL === 'debug' || !line.includes('"level":"info"'))
        console.log(`[workerd] ${line}`);
    },
  });
  stoppers.push(() => worker.stop());
  for (const child of worker.children) {
    child.once('exit', (code) => {
      if (!stopping) {
        console.error(`workerd exited (${code}); stopping`);
        void shutdown(1);
      }
    });
  }
  done();

  const tick = async () => {
    try {
      const res = await fetch(`${worker.url}/internal/tick`, {
        method: 'POST',
        headers: { authorization: `Bearer ${env.INTERNAL_TOKEN}` },
      });
      await res.arrayBuffer();
    } catch {
      // The next tick tries again; workerd's own exit is handled above.
    }
  };
  const timer = setInterval(tick, 60_000);
  stoppers.push(async () => clearInterval(timer));
  void tick();

  const base = config.PUBLIC_BASE_URL;
  console.log(`
Beratungsraum is running.
  Citizen booking:     ${base}/
  Counsellor:          ${base}/counsellor   (berater1@example.org / ${config.DEMO_PASSWORD === 'demo-password' ? 'demo-password' : 'DEMO_PASSWORD'})
  Operator:            ${base}/admin        (admin@example.org / ${config.DEMO_PASSWORD === 'demo-password' ? 'demo-password' : 'DEMO_PASSWORD'})
  Health:              ${base}/healthz  ${base}/readyz
  Video (LiveKit):     ${env.LIVEKIT_URL || 'not configured'}
  SMS:                 ${config.SMS_GATEWAY_URL || 'written to this log'}
Press Ctrl-C to stop.
`);
}

main().catch(async (e) => {
  console.error(`\nStart failed: ${(e as Error).stack ?? e}`);
  await shutdown(1);
});
