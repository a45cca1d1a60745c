// The same app under Deno (`deno task start`) answers from the real database.
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../functions/app/seed.ts';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { waitForHttp } from '../../scripts/lib/workerd.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let tdb: TestDatabase;
let child: ChildProcess;
let url: string;
let output = '';

beforeAll(async () => {
  tdb = await createTestDatabase();
  await seedDemoData(tdb.db, { password: 'pw', iterations: 1000, counsellors: 2 });
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  child = spawn('node_modules/.bin/deno', ['task', 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: tdb.url,
      LOG_LEVEL: 'warn',
      NO_COLOR: '1',
      SMS_LOG_ONLY: 'on',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b) => (output += b));
  child.stderr?.on('data', (b) => (output += b));
  await waitForHttp(`${url}/healthz`, 90_000, (r) => r.ok).catch((e) => {
    throw new Error(`${e}\n${output}`);
  });
}, 120_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  await tdb?.close();
});

describe('Deno runtime', () => {
  it('answers /readyz with 200', async () => {
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(200);
  });

  it('serves /api/services from PostgreSQL', async () => {
    const body = await (await fetch(`${url}/api/services`)).json();
    expect(body.services.map((s: { id: string }) => s.id)).toContain('arbeitslosengeld');
  });

  it('answers unknown paths with a problem+json 404', async () => {
    const res = await fetch(`${url}/api/nope`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
