// Audit rows for refused access (failed logins, blocks, CSRF failures, 403s) with a keyed hash of the
// client address: enough to see one client attacking many accounts, without storing the address.
import type { Context } from 'hono';
import { writeAudit } from '../audit/audit.ts';
import { clientAddress } from '../http/client-address.ts';
import type { AppEnv } from '../http/context.ts';
import type { AppError } from '../http/problem.ts';
import { clientHash } from '../platform/client-keys.ts';

/** The keyed hash of the requesting client's address (the day's HMAC, see platform/client-keys.ts). */
export function clientHashOf<E extends AppEnv>(c: Context<E>, now = c.get('clock').now()): Promise<string> {
  return clientHash(c.get('db'), 'client', clientAddress(c), now);
}

export async function auditSecurityEvent<E extends AppEnv>(
  c: Context<E>,
  event: {
    action: string;
    actorId?: string | null;
    entityId?: string | null;
    detail?: Record<string, unknown>;
  },
  clientHash?: string,
): Promise<void> {
  await writeAudit(c.get('db'), {
    actorType: event.actorId ? 'staff' : 'system',
    actorId: event.actorId ?? null,
    action: event.action,
    entityType: 'security',
    entityId: event.entityId ?? null,
    detail: {
      clientHash: clientHash ?? (await clientHashOf(c)),
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      ...event.detail,
    },
    requestId: c.get('requestId'),
  });
}

const AUDITED_DENIALS = new Set(['forbidden', 'csrf_failed', 'local_login_disabled']);

/** Audits a 403 or CSRF failure on its way out; a failing audit write never hides the original answer. */
export async function auditDenial<E extends AppEnv>(c: Context<E>, error: AppError): Promise<void> {
  if (!AUDITED_DENIALS.has(error.code)) return;
  try {
    await auditSecurityEvent(c, {
      action: error.code === 'csrf_failed' ? 'csrf_failed' : 'access_denied',
      actorId: c.get('actor')?.userId ?? null,
      detail: { code: error.code },
    });
  } catch (e) {
    c.get('log').warn('audit of a denial failed', { requestId: c.get('requestId'), error: String(e) });
  }
}
