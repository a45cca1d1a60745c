// Appends to the audit log: who (staff, citizen, system) accessed or changed what.
import type { Context } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { runBookingTransaction } from '../db/transaction.ts';
import type { AppEnv, StaffEnv } from '../http/context.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface AuditEntry {
  actorType: 'staff' | 'citizen' | 'system';
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
  requestId?: string | null;
}

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_type: entry.actorType,
      actor_id: entry.actorId ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      request_id: entry.requestId ?? null,
    })
    .execute();
}

/** What a request's audit entry names besides its actor: the record, details, and the transaction to write in. */
export interface RequestAudit {
  entityType: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
  /** The transaction the change commits in; the request's pool otherwise. */
  db?: Db;
}

/** The audit entry of a staff member's action in this request (actor and request id from the context). */
export function auditStaff(c: Context<StaffEnv>, action: string, entry: RequestAudit): Promise<void> {
  return writeRequestAudit(c, { actorType: 'staff', actorId: c.get('actor').userId }, action, entry);
}

/** The audit entry of a citizen's action in this request. */
export function auditCitizen<E extends AppEnv>(
  c: Context<E>,
  action: string,
  entry: RequestAudit,
): Promise<void> {
  return writeRequestAudit(c, { actorType: 'citizen' }, action, entry);
}

function writeRequestAudit<E extends AppEnv>(
  c: Context<E>,
  actor: Pick<AuditEntry, 'actorType' | 'actorId'>,
  action: string,
  { db, ...entry }: RequestAudit,
): Promise<void> {
  return writeAudit(db ?? c.get('db'), { ...actor, action, ...entry, requestId: c.get('requestId') });
}

/** The audit entry a staff change writes about the row it changed. */
export type ChangeAudit = Omit<RequestAudit, 'db'> & { action: string };

/**
 * Runs a staff change and its audit entry in one transaction (both commit or neither; transient failures
 * retried). A change that returns null found nothing to change: no entry, and null for the handler's 404.
 * @example auditedChange(c, (trx) => deleteClosingDay(trx, id), (row) => ({ action: 'closing_day.deleted', entityType: 'closing_day', entityId: id }))
 */
export function auditedChange<T>(
  c: Context<StaffEnv>,
  change: (trx: Transaction<Database>) => Promise<T | null | undefined>,
  audit: (row: T) => ChangeAudit,
): Promise<T | null> {
  return runBookingTransaction(c.get('db'), async (trx) => {
    const row = await change(trx);
    if (row === null || row === undefined) return null;
    const { action, ...entry } = audit(row);
    await auditStaff(c, action, { ...entry, db: trx });
    return row;
  });
}
