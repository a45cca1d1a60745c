// The stateless worker's routing and the process-wide change bus: which requests skip the objects, what may be cached, where the rest go.
import { describe, expect, it } from 'vitest';
import { BEAT_TIMEOUT_MS, createChangeBus, scopeOfPayload } from '../../functions/platform/change-bus.ts';
import { edgeCacheKey, isEdgeRoute, objectIndexOf } from '../../functions/platform/edge-routing.ts';

const headers =
  (h: Record<string, string> = {}) =>
  (name: string) =>
    h[name] ?? null;

describe('isEdgeRoute', () => {
  it.each([
    ['GET', '/healthz', true],
    ['HEAD', '/', true],
    ['GET', '/j/abc123', true],
    ['GET', '/m/token', true],
    ['GET', '/counsellor', true],
    ['GET', '/admin/bookings', true],
    ['GET', '/assets/app-1234.js', true],
    ['GET', '/static/mediapipe/model.tflite', true],
    ['GET', '/readyz', false],
    ['GET', '/api/slots', false],
    ['POST', '/', false],
    ['GET', '/j/abc/extra', false],
    ['GET', '/internal/tick', false],
  ])('%s %s → %s', (method, path, expected) => {
    expect(isEdgeRoute(method, path)).toBe(expected);
  });
});

describe('edgeCacheKey', () => {
  it.each([
    [
      'GET',
      '/api/slots?service=a&from=2026-12-01&to=2026-12-02',
      {},
      'slots ?service=a&from=2026-12-01&to=2026-12-02',
    ],
    ['GET', '/api/services', { 'accept-language': 'en' }, 'services  en'],
    ['GET', '/api/slots?service=a', { cookie: 'session=x' }, null],
    ['GET', '/api/slots?service=a', { authorization: 'Bearer x' }, null],
    ['POST', '/api/slots?service=a', {}, null],
    ['GET', '/api/bookings/manage/x', {}, null],
  ])('%s %s %o → %s', (method, path, h, expected) => {
    expect(edgeCacheKey(method, new URL(`http://h${path}`), headers(h))).toBe(expected);
  });
});

describe('objectIndexOf', () => {
  const url = (p: string) => new URL(`http://h${p}`);
  it('sends the same public read to the same object whoever asks', () => {
    const u = url('/api/slots?service=a&from=x&to=y');
    expect(objectIndexOf(u, '198.18.0.1', 4, 0)).toBe(objectIndexOf(u, '198.18.0.2', 4, 3));
  });
  it('keeps one client on one object and spreads clients without an address', () => {
    const u = url('/api/bookings');
    expect(objectIndexOf(u, '198.18.0.1', 4, 0)).toBe(objectIndexOf(u, '198.18.0.1', 4, 1));
    expect(new Set([0, 1, 2, 3].map((i) => objectIndexOf(u, undefined, 4, i)))).toEqual(
      new Set([0, 1, 2, 3]),
    );
  });
  it('uses object 0 when there is one', () => {
    expect(objectIndexOf(url('/api/slots'), undefined, 1, 7)).toBe(0);
  });
});

describe('change bus', () => {
  it('counts as listening only while its holder beats, and drops everything when that stops', () => {
    let now = 1_000_000;
    const bus = createChangeBus(() => now);
    const seen: string[] = [];
    bus.subscribe((scope) => seen.push(scope));
    expect(bus.listening).toBe(false);
    bus.setListening(true);
    expect(bus.listening).toBe(true);
    now += BEAT_TIMEOUT_MS - 1;
    bus.beat();
    now += BEAT_TIMEOUT_MS - 1;
    expect(bus.listening).toBe(true);
    const generation = bus.generation;
    now += 2;
    expect(bus.listening).toBe(false);
    expect(bus.generation).toBe(generation + 1);
    expect(seen).toEqual(['all', 'all']);
  });
  it('reads the payload scope, treating anything unknown as everything', () => {
    expect([
      scopeOfPayload('bookings'),
      scopeOfPayload('all'),
      scopeOfPayload('x'),
      scopeOfPayload(undefined),
    ]).toEqual(['bookings', 'all', 'all', 'all']);
  });
});
