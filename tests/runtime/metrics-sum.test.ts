// One /metrics scrape counts the requests of every Durable Object and every workerd process: each adds
// its counts in PostgreSQL, so two processes with two objects each report the sum.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/embedded-postgres.ts';
import { startWorkerd, type WorkerdProcess } from '../../scripts/lib/workerd.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { sampleValue } from '../helpers/prometheus-text.ts';

const TOKEN = 'metrics-sum-token-0123456789';
const PROBES = 40;
const PAGES = 12;

let tdb: TestDatabase;
let worker: WorkerdProcess;

beforeAll(async () => {
  tdb = await createTestDatabase();
  worker = await startWorkerd({
    port: await freePort(),
    processes: 2,
    env: { DATABASE_URL: tdb.url, LOG_LEVEL: 'warn', INTERNAL_TOKEN: TOKEN, WORKERD_OBJECTS: '2' },
  });
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await tdb?.close();
});

/** One request on a connection of its own, so the kernel may hand it to either process. */
function send(method: string, path: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${worker.url}${path}`, { method, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function scrape(): Promise<string> {
  const res = await fetch(`${worker.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

describe('request metrics across objects and processes', () => {
  it('sums every object and process into one scrape, for requests the objects and the worker answer', async () => {
    // POST /api/probe is answered by the objects (spread round robin), /j/… pages by the stateless worker.
    const probes = await Promise.all(
      Array.from({ length: PROBES }, () => send('POST', '/api/probe', 'x'.repeat(100))),
    );
    const pages = await Promise.all(Array.from({ length: PAGES }, () => send('GET', '/j/ABCDEFGHJK')));
    expect(new Set(probes)).toEqual(new Set([200]));
    const pageStatus = pages[0] as number;
    expect(new Set(pages)).toEqual(new Set([pageStatus]));

    const counted = (text: string) => ({
      probes: sampleValue(text, 'beratungsraum_http_requests_total', {
        group: 'api_probe',
        method: 'POST',
        status: '200',
      }),
      pages: sampleValue(text, 'beratungsraum_http_requests_total', {
        group: 'page_join',
        method: 'GET',
        status: String(pageStatus),
      }),
      histogram: sampleValue(text, 'beratungsraum_http_request_duration_seconds_count', {
        group: 'api_probe',
        method: 'POST',
        status_class: '2xx',
      }),
    });
    // Objects flush within 5 s of counting; poll until every count has arrived (or the test times out).
    let last = counted(await scrape());
    while (last.probes !== PROBES || last.pages !== PAGES) {
      await new Promise((r) => setTimeout(r, 500));
      last = counted(await scrape());
    }
    expect(last).toEqual({ probes: PROBES, pages: PAGES, histogram: PROBES });
    // The totals live in PostgreSQL, so a second scrape (from whichever object) agrees and never counts twice.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(counted(await scrape())).toEqual(last);
  }, 60_000);
});
