// Kysely queries for closing days: list, add (locking bookings and flagging those it hits), remove.
import { type Kysely, sql, type Transaction } from 'kysely';
import { blockedOverlaps, type UpcomingBookings } from '../capacity/flags.ts';
import type { Database } from '../db/database.ts';
import type { ClosingDay } from './closed-dates.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ClosingDayRow {
  id: string;
  date: string;
  siteId: string | null;
  siteName: string | null;
  reason: string;
}

/** Closing days from `fromDate` to `toDate` (inclusive), agency-wide and per site. */
export async function loadClosingDays(db: Db, fromDate: string, toDate: string): Promise<ClosingDay[]> {
  const rows = await db
    .selectFrom('closing_days')
    .select([sql<string>`day::text`.as('date'), 'site_id'])
    .where('day', '>=', fromDate)
    .where('day', '<=', toDate)
    .execute();
  return rows.map((r) => ({ date: r.date, siteId: r.site_id }));
}

export async function listClosingDays(db: Db, fromDate: string): Promise<ClosingDayRow[]> {
  const rows = await db
    .selectFrom('closing_days as d')
    .leftJoin('sites as s', 's.id', 'd.site_id')
    .select(['d.id', sql<string>`d.day::text`.as('date'), 'd.site_id', 's.name as site_name', 'd.reason'])
    .where('d.day', '>=', fromDate)
    .orderBy('d.day')
    .orderBy('s.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    siteId: r.site_id,
    siteName: r.site_name,
    reason: r.reason,
  }));
}

/**
 * Adds a closing day; null when that date is already closed for the same scope. Bookings are locked
 * against writes first (SHARE ROW EXCLUSIVE, held to commit) so that every booking made before is
 * seen here and every later one meets the database's closing-day guard.
 */
export async function insertClosingDay(
  trx: Transaction<Database>,
  d: {
    date: string;
    siteId: string | null;
    start: Date;
    end: Date;
    reason: string;
    createdBy: string | null;
  },
): Promise<string | null> {
  await sql`lock table bookings in share row exclusive mode`.execute(trx);
  const row = await trx
    .insertInto('closing_days')
    .values({
      day: d.date,
      site_id: d.siteId,
      period: sql<string>`tstzrange(${d.start}::timestamptz, ${d.end}::timestamptz, '[)')`,
      reason: d.reason,
      created_by: d.createdBy,
    })
    .onConflict((oc) => oc.constraint('closing_days_day_site_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Picks the scheduled bookings on `siteId`'s counsellors (every site for null) whose time overlaps [start, end). */
export function scheduledOnSiteDuring(start: Date, end: Date, siteId: string | null) {
  return (q: UpcomingBookings) =>
    q
      .innerJoin('counsellors as c', 'c.id', 'b.counsellor_id')
      .where('b.kind', '=', 'scheduled')
      .where(blockedOverlaps(start, end))
      .$if(siteId !== null, (w) => w.where('c.site_id', '=', siteId as string));
}

export async function deleteClosingDay(trx: Transaction<Database>, id: string) {
  return trx
    .deleteFrom('closing_days')
    .where('id', '=', id)
    .returning(['id', sql<string>`day::text`.as('date'), 'site_id'])
    .executeTakeFirst();
}
