// Starts a staff session after a successful login (password or single sign-on): row, cookie, audit.
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { writeAudit } from '../audit/audit.ts';
import type { SessionPending } from '../db/database.ts';
import type { AppEnv } from '../http/context.ts';
import { generateSecret, hashSecret } from '../platform/secrets.ts';
import { absoluteExpiry, cookieIsSecure, idleExpiry, sessionCookieName, sessionLimits } from './session.ts';
import { insertSession } from './session-repository.ts';

export interface SessionStart {
  userId: string;
  method: 'password' | 'oidc';
  pending: SessionPending | null;
  clientHash: string;
  oidcSid?: string | null;
  idToken?: string | null;
}

/** Creates the session and sets its cookie; returns the CSRF token for the page. */
export async function startSession<E extends AppEnv>(c: Context<E>, s: SessionStart): Promise<string> {
  const db = c.get('db');
  const config = c.get('config');
  const now = c.get('clock').now();
  const limits = sessionLimits(config);
  const absolute = absoluteExpiry(now, limits);
  const token = generateSecret(32);
  const csrfToken = generateSecret(24);
  await insertSession(db, {
    tokenHash: await hashSecret(token),
    userId: s.userId,
    csrfToken,
    now,
    expiresAt: idleExpiry(now, absolute, limits),
    absoluteExpiresAt: absolute,
    authMethod: s.method,
    pending: s.pending,
    oidcSid: s.oidcSid ?? null,
    idToken: s.idToken ?? null,
    userAgent: c.req.header('user-agent') ?? null,
    clientHash: s.clientHash,
  });
  await writeAudit(db, {
    actorType: 'staff',
    actorId: s.userId,
    action: 'login',
    entityType: 'staff_user',
    entityId: s.userId,
    detail: { method: s.method, clientHash: s.clientHash, ...(s.pending ? { pending: s.pending } : {}) },
    requestId: c.get('requestId'),
  });
  setCookie(c, sessionCookieName(config.PUBLIC_BASE_URL), token, {
    httpOnly: true,
    secure: cookieIsSecure(config.PUBLIC_BASE_URL),
    sameSite: 'Strict',
    path: '/',
    maxAge: limits.absoluteMinutes * 60,
  });
  return csrfToken;
}
