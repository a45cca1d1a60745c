// TOTP second factor (RFC 6238, 30 s, 6 digits, SHA-1 as every authenticator app supports) with otpauth.
import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Beratungsraum';
const PERIOD_MS = 30_000;

/** A fresh 160-bit secret, base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads (as a QR code or pasted). */
export function totpUri(secret: string, account: string): string {
  return new TOTP({ issuer: ISSUER, label: account, secret: Secret.fromBase32(secret) }).toString();
}

/** The code for `now` (tests and the enrolment check use it). */
export function totpCode(secret: string, now: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: now.getTime() });
}

/**
 * The time step a code belongs to (±1 step of clock drift), or null when it is wrong or was already
 * used (`lastStep`): a code observed once cannot be replayed.
 */
export function verifyTotp(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    timestamp: now.getTime(),
    window: 1,
  });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / PERIOD_MS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}
