// The catalogue of services (bookable topics): the read model other features use as well.
import type { Kysely } from 'kysely';
import type { Database, Service } from '../db/database.ts';

export function listActiveServices(db: Kysely<Database>): Promise<Service[]> {
  return db
    .selectFrom('services')
    .selectAll()
    .where('active', '=', true)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export function findService(db: Kysely<Database>, id: string): Promise<Service | undefined> {
  return db.selectFrom('services').selectAll().where('id', '=', id).executeTakeFirst();
}
