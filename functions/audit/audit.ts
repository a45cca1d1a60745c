// Appends to the audit log: who (staff, citizen, system) accessed or changed what.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.ts';

export interface AuditEntry {
  actorType: 'staff' | 'citizen' | 'system';
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
  requestId?: string | null;
}

export async function writeAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry,
): Promise<void> {
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
