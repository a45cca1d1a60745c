// Kysely queries of the counsellor's calendar feed: the secret's hash, and the appointments it shows.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';

type Db = Kysely<Database>;

export async function replaceFeedToken(db: Db, counsellorId: string, tokenHash: Uint8Array, now: Date) {
  await db
    .insertInto('calendar_feeds')
    .values({ counsellor_id: counsellorId, token_hash: tokenHash, created_at: now })
    .onConflict((oc) => oc.column('counsellor_id').doUpdateSet({ token_hash: tokenHash, created_at: now }))
    .execute();
}

export async function deleteFeed(db: Db, counsellorId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('calendar_feeds')
    .where('counsellor_id', '=', counsellorId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function findFeed(db: Db, counsellorId: string) {
  return db
    .selectFrom('calendar_feeds')
    .select('created_at')
    .where('counsellor_id', '=', counsellorId)
    .executeTakeFirst();
}

export async function counsellorOfFeed(db: Db, tokenHash: Uint8Array): Promise<string | null> {
  const row = await db
    .selectFrom('calendar_feeds as f')
    .innerJoin('counsellors as c', 'c.id', 'f.counsellor_id')
    .select('f.counsellor_id')
    .where('f.token_hash', '=', tokenHash)
    .where('c.active', '=', true)
    .executeTakeFirst();
  return row?.counsellor_id ?? null;
}

/** What the feed may show of an appointment: times, topic, kind, and its place in a reschedule chain. */
export interface FeedEntry {
  start: Date;
  end: Date;
  kind: 'scheduled' | 'adhoc';
  serviceName: string;
  rootId: string;
  moves: number;
}

/** The counsellor's live appointments overlapping [from, to); only the columns the feed may show are read. */
export async function loadFeedEntries(
  db: Db,
  counsellorId: string,
  from: Date,
  to: Date,
): Promise<FeedEntry[]> {
  const result = await sql<FeedEntry>`
    with recursive mine as (
      select b.id, b.rescheduled_from, b.start_at, b.end_at, b.kind, s.name_de
      from bookings b join services s on s.id = b.service_id
      where b.counsellor_id = ${counsellorId} and b.status in ('confirmed', 'completed')
        and b.end_at > ${from} and b.start_at < ${to}
    ), up(id, cur, prev, depth) as (
      select id, id, rescheduled_from, 0 from mine
      union all
      select u.id, b.id, b.rescheduled_from, u.depth + 1 from up u join bookings b on b.id = u.prev where u.depth < 1000
    )
    select m.start_at as start, m.end_at as end, m.kind, m.name_de as "serviceName",
           r.cur as "rootId", r.depth as moves
    from mine m
    join lateral (select cur, depth from up where up.id = m.id order by depth desc limit 1) r on true
    order by m.start_at`.execute(db);
  return result.rows;
}
