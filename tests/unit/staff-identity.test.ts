// The pure core of staff identity: backoff with decay, session ends, password rules, role mapping, TOTP.
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_POLICY,
  afterFailure,
  decayedScore,
  secondsBlocked,
} from '../../functions/staff/login-backoff.ts';
import { identityOf, mapRoles } from '../../functions/staff/oidc-claims.ts';
import { checkPassword } from '../../functions/staff/password-policy.ts';
import { idleExpiry, needsTouch, sessionCookieName } from '../../functions/staff/session.ts';
import { newTotpSecret, totpCode, verifyTotp } from '../../functions/staff/totp.ts';

const NOW = new Date('2026-12-03T08:00:00Z');
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe('login backoff', () => {
  it('gives five free failures, then doubles the wait, capped at 15 minutes', () => {
    let state = null as ReturnType<typeof afterFailure> | null;
    const waits: number[] = [];
    for (let i = 0; i < 16; i++) {
      state = afterFailure(state, NOW, ACCOUNT_POLICY);
      waits.push(secondsBlocked(state, NOW));
    }
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits.slice(5, 9)).toEqual([2, 4, 8, 16]);
    expect(waits.at(-1)).toBe(900);
  });

  it.each([
    [0, 8],
    [30 * 60, 4],
    [60 * 60, 2],
    [2 * 60 * 60, 0.5],
  ])('halves the score every 30 minutes (after %i s: %f)', (seconds, expected) => {
    const state = { score: 8, updatedAt: NOW, blockedUntil: null };
    expect(decayedScore(state, at(seconds), ACCOUNT_POLICY)).toBeCloseTo(expected, 6);
  });

  it('is not blocked once the block has passed', () => {
    expect(secondsBlocked({ score: 9, updatedAt: NOW, blockedUntil: at(10) }, at(9.5))).toBe(1);
    expect(secondsBlocked({ score: 9, updatedAt: NOW, blockedUntil: at(10) }, at(10))).toBe(0);
    expect(secondsBlocked(undefined, NOW)).toBe(0);
  });
});

describe('session ends', () => {
  const limits = { absoluteMinutes: 600, idleMinutes: 30 };
  it('never extends the idle end past the absolute end', () => {
    expect(idleExpiry(NOW, at(3600), limits)).toEqual(at(1800));
    expect(idleExpiry(NOW, at(600), limits)).toEqual(at(600));
  });
  it('refreshes at most once a minute', () => {
    expect(needsTouch(at(59), NOW, limits)).toBe(false);
    expect(needsTouch(at(60), NOW, limits)).toBe(true);
  });
  it.each([
    ['https://beratung.example.org', '__Host-br_session'],
    ['http://beratung.intern', '__Host-br_session'],
    ['http://localhost:8787', 'br_session'],
    ['http://127.0.0.1:8787', 'br_session'],
  ])('names the cookie for %s %s', (base, name) => expect(sessionCookieName(base)).toBe(name));
});

describe('password rules', () => {
  it.each([
    ['kurz', 'anna@example.org', 'too_short'],
    ['Passwort123!', 'anna@example.org', 'common'],
    ['Sommer2024!', 'anna@example.org', 'common'],
    ['Sommersonne', 'anna@example.org', null],
    ['qwertzuiop', 'anna@example.org', 'common'],
    ['aaaaaaaaaaaa', 'anna@example.org', 'common'],
    ['abcabcabcabc', 'anna@example.org', 'common'],
    ['anna-im-Garten-7', 'anna@example.org', 'contains_email'],
    ['Kastanienallee-im-Herbst', 'anna@example.org', null],
    ['P@ssw0rd!!!!', 'anna@example.org', 'common'],
  ])('%s for %s → %s', (password, email, reason) => {
    const v = checkPassword(password, email);
    expect(v.ok ? null : v.reason).toBe(reason);
  });
});

describe('role mapping from claims', () => {
  const m = {
    claim: 'groups',
    counsellor: ['beratung'],
    operator: ['leitstelle'],
    supervisor: ['supervision'],
  };
  it.each([
    [{ groups: ['beratung'] }, { role: 'counsellor', supervisor: false }],
    [{ groups: ['/beratung', 'supervision'] }, { role: 'counsellor', supervisor: true }],
    [{ groups: ['beratung', 'leitstelle'] }, { role: 'operator', supervisor: false }],
    [{ groups: ['supervision'] }, null],
    [{ groups: ['gaeste'] }, null],
    [{ groups: 'leitstelle' }, { role: 'operator', supervisor: false }],
    [{}, null],
  ])('%j → %j', (claims, expected) => expect(mapRoles(claims, m)).toEqual(expected));

  it('reads dotted claim paths such as realm_access.roles', () => {
    const claims = { realm_access: { roles: ['beratung'] } };
    expect(mapRoles(claims, { ...m, claim: 'realm_access.roles' })).toEqual({
      role: 'counsellor',
      supervisor: false,
    });
  });

  it('needs a subject and a verified e-mail', () => {
    expect(identityOf({ sub: 's1', email: 'A@B.de', email_verified: true, name: 'A B' })).toEqual({
      subject: 's1',
      email: 'a@b.de',
      displayName: 'A B',
    });
    expect(identityOf({ sub: 's1', email: 'a@b.de', email_verified: false })).toBeNull();
    expect(identityOf({ email: 'a@b.de', email_verified: true })).toBeNull();
  });
});

describe('TOTP', () => {
  it('accepts the current code and one step of drift, each step once', () => {
    const secret = newTotpSecret();
    const code = totpCode(secret, NOW);
    const step = verifyTotp(secret, code, NOW, null);
    expect(step).toBe(Math.floor(NOW.getTime() / 30_000));
    expect(verifyTotp(secret, code, at(30), null)).toBe(step);
    expect(verifyTotp(secret, code, at(90), null)).toBeNull();
    expect(verifyTotp(secret, code, NOW, step)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', NOW, null)).toBeNull();
  });
});
