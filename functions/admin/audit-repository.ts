// Kysely queries for the audit log view: by entity (also agenda reads naming it), actor and period.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';

export interface AuditFilter {
  entityId?: string | undefined;
  actorId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
}

export async function listAudit(db: Kysely<Database>, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('staff_users', 'staff_users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.actor_type',
      'audit_log.actor_id',
      'staff_users.display_name as actor_name',
      'staff_users.email as actor_email',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.detail',
    ]);
  if (f.entityId) {
    const id = f.entityId;
    q = q.where((eb) =>
      eb.or([eb('audit_log.entity_id', '=', id), sql<boolean>`audit_log.detail -> 'bookingIds' ? ${id}`]),
    );
  }
  if (f.actorId) q = q.where('audit_log.actor_id', '=', f.actorId);
  if (f.from) q = q.where('audit_log.at', '>=', f.from);
  if (f.to) q = q.where('audit_log.at', '<', f.to);
  const rows = await q
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(f.limit)
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    actorType: r.actor_type,
    actorId: r.actor_id,
    actorName: r.actor_name,
    actorEmail: r.actor_email,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    detail: r.detail,
  }));
}
