// The generated OpenAPI document describes every API route the app serves, and only those, with their shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

let tdb: TestDatabase;
let t: TestApp;

beforeAll(async () => {
  tdb = await createTestDatabase();
  t = createTestApp(tdb);
});
afterAll(() => tdb?.close());

function appOperations(): string[] {
  const ops = new Set<string>();
  for (const r of t.app.routes) {
    if (r.method === 'ALL' || !/^\/(api|healthz|readyz)/.test(r.path)) continue;
    ops.add(`${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z]+)(\{[^}]*\})?/g, '{$1}')}`);
  }
  return [...ops].sort();
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with the configured server', async () => {
    const res = await t.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0].url).toBe('http://localhost:8787');
    expect(doc.components.schemas.Problem.required).toContain('code');
  });

  it('lists exactly the API operations the app serves', async () => {
    const doc = await (await t.request('/api/openapi.json')).json();
    const documented: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const m of Object.keys(ops)) if (m !== 'parameters') documented.push(`${m} ${path}`);
    }
    expect(documented.sort()).toEqual(appOperations());
  });

  it('carries request and response shapes from the contract, not only paths', async () => {
    const doc = await (await t.request('/api/openapi.json')).json();
    const book = doc.paths['/api/bookings'].post;
    expect(book.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
    );
    const body = book.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['service', 'start', 'phone', 'consent']));
    expect(body.properties.consent).toEqual({ const: true });
    const created = book.responses['201'].content['application/json'].schema;
    expect(created.required).toEqual(['booking', 'joinUrl', 'manageUrl']);
    expect(
      book.responses['409'].content['application/problem+json'].schema.allOf[1].properties.code.enum,
    ).toEqual(expect.arrayContaining(['slot_unavailable', 'conflict']));
    const slots = doc.paths['/api/slots'].get.parameters.map(
      (p: { name: string; in: string }) => `${p.in} ${p.name}`,
    );
    expect(slots).toEqual(['query service', 'query from', 'query to', 'query interpreter']);
    const staff = doc.paths['/api/admin/counsellors/{id}'].put;
    expect(staff.security).toEqual([{ session: [] }]);
    expect(Object.keys(staff.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404', '422']));
    expect(doc.components.schemas.Problem.properties.code.enum).toContain('phone_verification_required');
  });
});
