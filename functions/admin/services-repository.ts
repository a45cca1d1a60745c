// Kysely queries for the operator's service (topic) management.
import type { Kysely } from 'kysely';
import type { Database, Service } from '../db/database.ts';

export function listAllServices(db: Kysely<Database>): Promise<Service[]> {
  return db.selectFrom('services').selectAll().orderBy('sort_order').orderBy('id').execute();
}

export interface ServiceValues {
  name_de?: string;
  name_en?: string;
  description_de?: string;
  description_en?: string;
  /** JSON of ServiceTranslations. */
  translations?: string;
  duration_minutes?: number;
  buffer_before_minutes?: number;
  buffer_after_minutes?: number;
  min_notice_minutes?: number;
  horizon_days?: number;
  slot_step_minutes?: number;
  active?: boolean;
  sort_order?: number;
}

/** Inserts a service; undefined when the id is taken. */
export function insertService(
  db: Kysely<Database>,
  id: string,
  values: ServiceValues & { name_de: string; name_en: string; duration_minutes: number },
): Promise<Service | undefined> {
  return db
    .insertInto('services')
    .values({ id, ...values })
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function updateService(
  db: Kysely<Database>,
  id: string,
  values: ServiceValues,
  now: Date,
): Promise<Service | undefined> {
  return db
    .updateTable('services')
    .set({ ...values, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
