// Measures GET /metrics against a database with a year's worth of rows: `npx tsx bench/metrics-scrape.ts [bookings]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createApp } from '../functions/app/app.ts';
import { buildDeps } from '../functions/app/deps.ts';
import { seedDemoData } from '../functions/app/seed.ts';
import { createDb, createPool } from '../functions/db/connect.ts';
import { migrateToLatest } from '../functions/db/migrator.ts';
import { parseConfig } from '../functions/env.ts';
import { startEmbeddedPostgres } from '../scripts/lib/embedded-postgres.ts';

const BOOKINGS = Number(process.argv[2] ?? 50_000);
const ROUNDS = 50;

const dir = mkdtempSync(join(tmpdir(), 'br-bench-metrics-'));
const server = await startEmbeddedPostgres({ dataDir: dir, quiet: true });
const pool = createPool({ connectionString: server.url, max: 10 });
const db = createDb(pool);
try {
  await migrateToLatest(db);
  await seedDemoData(db, { password: 'x', iterations: 1000, counsellors: 2 });
  await sql`
    insert into bookings (service_id, counsellor_id, status, cancelled_by, start_at, end_at, blocked, join_code_hash, room_name)
    select 'arbeitslosengeld', (select id from counsellors order by id limit 1),
      case when i % 10 = 0 then 'cancelled' else 'completed' end, case when i % 10 = 0 then 'citizen' end,
      t, t + interval '30 minutes', tstzrange(t, t + interval '30 minutes'), sha256(i::text::bytea), 'bench-' || i
    from generate_series(1, ${BOOKINGS}) i, lateral (select '2020-01-01T00:00:00Z'::timestamptz + i * interval '1 hour' as t) x
  `.execute(db);
  await sql`
    insert into outbox_messages (kind, dedupe_key, recipient, body, status, sent_at)
    select 'reminder', 'bench-' || i, '+4915112345678', 'x', 'sent', now() - i * interval '1 minute'
    from generate_series(1, ${BOOKINGS * 2}) i
  `.execute(db);
  await sql`analyze`.execute(db);
  const token = 'bench-token-0123456789abcdef';
  const app = createApp(
    buildDeps(parseConfig({ DATABASE_URL: server.url, INTERNAL_TOKEN: token, LOG_LEVEL: 'error' }), db, {
      pool,
    }),
  );
  const time = async (path: string, headers: Record<string, string> = {}) => {
    const ms: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const started = performance.now();
      const res = await app.request(path, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      ms.push(performance.now() - started);
    }
    ms.sort((a, b) => a - b);
    return { median: ms[Math.floor(ms.length / 2)] ?? 0, p95: ms[Math.floor(ms.length * 0.95)] ?? 0 };
  };
  const services = await time('/api/services');
  const metrics = await time('/metrics', { authorization: `Bearer ${token}` });
  const size = (
    await (await app.request('/metrics', { headers: { authorization: `Bearer ${token}` } })).text()
  ).length;
  console.log(
    JSON.stringify(
      {
        bookings: BOOKINGS,
        outboxRows: BOOKINGS * 2,
        rounds: ROUNDS,
        services,
        metrics,
        metricsBytes: size,
        ratio: metrics.median / services.median,
      },
      null,
      2,
    ),
  );
} finally {
  await db.destroy();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
