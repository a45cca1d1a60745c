// Pure platform pieces: configuration, problem codes, secrets, passwords, rate limits, content negotiation.
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../functions/db/errors.ts';
import { parseConfig } from '../../functions/env.ts';
import { AppError, type ErrorCode, problemResponse, statusOf } from '../../functions/http/problem.ts';
import { generateSecret, hashSecret, looksLikeSecret } from '../../functions/platform/secrets.ts';
import { hashPassword, verifyPassword } from '../../functions/staff/password.ts';
import { cookieIsSecure } from '../../functions/staff/session.ts';
import { acceptedEncodings, contentTypeOf } from '../../functions/web/static-files.ts';

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({
      PORT: 8787,
      PUBLIC_BASE_URL: 'http://localhost:8787',
      RATE_LIMITS: 'on',
      TIME_ZONE: 'Europe/Berlin',
      DEMO_PASSWORD: 'demo-password',
      JOIN_OPENS_MINUTES_BEFORE: 15,
      JOIN_CLOSES_MINUTES_AFTER: 30,
      RETENTION_DAYS: 30,
    });
    expect(c.REMINDER_OFFSETS_MINUTES).toEqual([1440, 60]);
  });

  it('derives PUBLIC_BASE_URL from PORT and strips a trailing slash', () => {
    expect(parseConfig({ PORT: '18080' }).PUBLIC_BASE_URL).toBe('http://localhost:18080');
    expect(parseConfig({ PUBLIC_BASE_URL: 'https://termine.example.org/' }).PUBLIC_BASE_URL).toBe(
      'https://termine.example.org',
    );
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ RATE_LIMITS: 'maybe' }, 'RATE_LIMITS'],
    [{ TIME_ZONE: 'Mars/Olympus' }, 'TIME_ZONE'],
    [{ REMINDER_OFFSETS_MINUTES: 'soon' }, 'REMINDER_OFFSETS_MINUTES'],
    [{ SMS_GATEWAY_URL: 'ftp://gw' }, 'SMS_GATEWAY_URL'],
  ])('rejects %o naming the variable %s', (env, name) => {
    expect(() => parseConfig(env)).toThrow(new RegExp(name));
  });
});

describe('problem responses', () => {
  it.each<[ErrorCode, number]>([
    ['validation_failed', 422],
    ['invalid_request', 400],
    ['unauthorized', 401],
    ['csrf_failed', 403],
    ['not_found', 404],
    ['slot_unavailable', 409],
    ['join_closed', 410],
    ['join_not_open', 425],
    ['rate_limited', 429],
    ['database_unavailable', 503],
    ['video_unavailable', 503],
  ])('maps %s to %i', (code, status) => {
    expect(statusOf(code)).toBe(status);
  });

  it('renders RFC 9457 fields, the request id and Retry-After', async () => {
    const res = problemResponse(new AppError('rate_limited', { retryAfterSeconds: 12.2 }), 'req-123');
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(res.headers.get('retry-after')).toBe('13');
    expect(await res.json()).toMatchObject({
      status: 429,
      code: 'rate_limited',
      requestId: 'req-123',
      title: 'Too many requests',
    });
  });
});

describe('secrets', () => {
  it('issues 128-bit URL-safe secrets that never repeat', () => {
    const seen = new Set(Array.from({ length: 2000 }, () => generateSecret()));
    expect(seen.size).toBe(2000);
    for (const s of [...seen].slice(0, 50)) {
      expect(s).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(looksLikeSecret(s)).toBe(true);
    }
  });

  it('hashes with SHA-256', async () => {
    const h = await hashSecret('abc');
    expect(Buffer.from(h).toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it.each(['', 'short', '../../etc/passwd', 'a'.repeat(100), 'has space in it 1234567890'])(
    'rejects %j as a secret',
    (s) => {
      expect(looksLikeSecret(s)).toBe(false);
    },
  );
});

describe('passwords', () => {
  it('verifies the right password and rejects a wrong one or a malformed hash', async () => {
    const hash = await hashPassword('correct horse', 1000);
    expect(hash).toMatch(/^pbkdf2-sha256\$1000\$/);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('Correct horse', hash)).toBe(false);
    expect(await verifyPassword('correct horse', 'md5$abc')).toBe(false);
  });

  it('uses OWASP iteration count by default', async () => {
    expect(await hashPassword('x')).toMatch(/^pbkdf2-sha256\$600000\$/);
  });
});

describe('HTTP details', () => {
  it.each([
    ['br, gzip', ['br', 'gzip']],
    ['gzip, deflate', ['gzip']],
    ['identity', []],
    [undefined, []],
  ])('negotiates %s', (header, expected) => {
    expect(acceptedEncodings(header)).toEqual(expected);
  });

  it.each([
    ['assets/a-1.js', 'text/javascript; charset=utf-8'],
    ['static/x.wasm', 'application/wasm'],
    ['pages/booking.html', 'text/html; charset=utf-8'],
  ])('types %s as %s', (path, type) => {
    expect(contentTypeOf(path)).toBe(type);
  });

  it.each([
    ['http://localhost:8787', false],
    ['http://127.0.0.1:8787', false],
    ['https://termine.example.org', true],
    ['http://termine.example.org', true],
  ])('session cookie on %s is Secure: %s', (url, secure) => {
    expect(cookieIsSecure(url)).toBe(secure);
  });

  it('tells a database outage from a bug', () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});
