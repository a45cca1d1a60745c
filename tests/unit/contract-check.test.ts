// The contract checker that wraps the integration tests' requests can fail: wrong shapes, statuses and types.
import { describe, expect, it } from 'vitest';
import { ContractChecker } from '../helpers/contract-check.ts';

const checker = new ContractChecker();
const jsonResponse = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': `${type}; charset=utf-8` } });

const booking = {
  id: 'b0f5c1d2-0000-4000-8000-000000000001',
  service: 'wohngeld',
  start: '2026-12-03T10:00:00+01:00',
  end: '2026-12-03T10:30:00+01:00',
  status: 'confirmed',
};
const problem = (status: number, code: string) => ({
  type: `https://beratungsraum.invalid/problems/${code}`,
  title: 'x',
  status,
  code,
  requestId: 'r1',
});

describe('ContractChecker', () => {
  it('accepts a documented answer and names what it covered', async () => {
    const res = jsonResponse(201, { booking, joinUrl: 'http://x/j/a', manageUrl: 'http://x/m/b' });
    expect(await checker.check('POST', '/api/bookings', res)).toEqual({ key: 'POST /api/bookings 201' });
    const slots = jsonResponse(200, { service: 'wohngeld', timeZone: 'Europe/Berlin', days: [] });
    expect((await checker.check('GET', '/api/slots?service=x&from=a&to=b', slots)).key).toBe(
      'GET /api/slots 200',
    );
  });

  it('rejects a body whose shape is not the documented one', async () => {
    const missingLink = jsonResponse(201, { booking, joinUrl: 'http://x/j/a' });
    await expect(checker.check('POST', '/api/bookings', missingLink)).rejects.toThrow(/manageUrl/);
    const wrongType = jsonResponse(200, { services: [{ id: 1 }], timeZone: 'Europe/Berlin' });
    await expect(checker.check('GET', '/api/services', wrongType)).rejects.toThrow(/does not match/);
  });

  it('rejects a status the operation does not document, and a problem code of another status', async () => {
    await expect(
      checker.check(
        'GET',
        '/api/services',
        jsonResponse(418, problem(418, 'conflict'), 'application/problem+json'),
      ),
    ).rejects.toThrow(/not a documented status/);
    const wrongCode = jsonResponse(409, problem(409, 'not_found'), 'application/problem+json');
    await expect(checker.check('POST', '/api/bookings', wrongCode)).rejects.toThrow(/does not match/);
  });

  it('rejects a JSON answer where problem+json is documented, and an undocumented API operation', async () => {
    await expect(
      checker.check('POST', '/api/bookings', jsonResponse(409, problem(409, 'conflict'))),
    ).rejects.toThrow(/application\/problem\+json/);
    await expect(checker.check('PUT', '/api/services', jsonResponse(200, {}))).rejects.toThrow(
      /not in the OpenAPI/,
    );
  });

  it('prefers a literal path segment over a parameter', async () => {
    const res = jsonResponse(200, {
      cores: 4,
      profile: 'standard',
      capacity: 18,
      sessionsPerCore: 6.6,
      headroom: 0.7,
      measuredAt: '2026-12-01T03:09:00.907Z',
      measuredOn: 'x',
    });
    const { key } = await checker.check('GET', '/api/admin/livekit-nodes/recommendation?cores=4', res);
    expect(key).toBe('GET /api/admin/livekit-nodes/recommendation 200');
  });
});
