// Kysely queries for bookings: look-ups by secret hash or id, status changes, reschedule chains.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Booking, Database } from '../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The booking a manage token belongs to, locked for update when `lock` is set. A reschedule moves the
 * token to a new row; a locked read that waited for it sees the old row no longer matching, so it
 * looks again with a fresh snapshot.
 */
export async function findBookingByManageHash(
  db: Db,
  hash: Uint8Array,
  lock = false,
): Promise<Booking | undefined> {
  const query = db.selectFrom('bookings').selectAll().where('manage_token_hash', '=', hash);
  if (!lock) return query.executeTakeFirst();
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await query.forUpdate().executeTakeFirst();
    if (row) return row;
    const exists = await query.executeTakeFirst();
    if (!exists) return undefined;
  }
  return undefined;
}

export function findBookingById(db: Db, id: string, lock = false): Promise<Booking | undefined> {
  let q = db.selectFrom('bookings').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function markCancelled(
  db: Db,
  id: string,
  by: 'citizen' | 'staff' | 'system',
  now: Date,
  options: { clearManageToken?: boolean } = {},
): Promise<void> {
  await db
    .updateTable('bookings')
    .set({
      status: 'cancelled',
      cancelled_at: now,
      cancelled_by: by,
      updated_at: now,
      ...(options.clearManageToken ? { manage_token_hash: null } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** The first booking of a booking's reschedule chain and how many moves lead from it to this one. */
export async function findRescheduleRoot(
  db: Db,
  bookingId: string,
): Promise<{ rootId: string; moves: number }> {
  const result = await sql<{ id: string; depth: number }>`
    with recursive chain(id, prev, depth) as (
      select id, rescheduled_from, 0 from bookings where id = ${bookingId}
      union all
      select b.id, b.rescheduled_from, c.depth + 1 from bookings b join chain c on b.id = c.prev where c.depth < 1000
    )
    select id, depth from chain order by depth desc limit 1`.execute(db);
  const row = result.rows[0];
  return row ? { rootId: row.id, moves: row.depth } : { rootId: bookingId, moves: 0 };
}
