// Kysely queries for staff accounts that counsel: accounts, skills, sites, deactivation.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { FederalState } from '../closures/closures.ts';
import type { Database, StaffRole } from '../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface CounsellorRow {
  id: string;
  user_id: string;
  email: string;
  display_name: string;
  role: StaffRole;
  supervisor: boolean;
  active: boolean;
  site_id: string | null;
  site_name: string | null;
  skills: string[];
}

function counsellorQuery(db: Db) {
  return db
    .selectFrom('counsellors')
    .innerJoin('staff_users', 'staff_users.id', 'counsellors.staff_user_id')
    .leftJoin('sites', 'sites.id', 'counsellors.site_id')
    .select((eb) => [
      'counsellors.id',
      'staff_users.id as user_id',
      'staff_users.email',
      'staff_users.display_name',
      'staff_users.role',
      'staff_users.supervisor',
      'counsellors.active',
      'counsellors.site_id',
      'sites.name as site_name',
      sql<string[]>`coalesce(${eb
        .selectFrom('counsellor_skills')
        .select(sql<string[]>`array_agg(service_id order by service_id)`.as('s'))
        .whereRef('counsellor_skills.counsellor_id', '=', 'counsellors.id')}, '{}')`.as('skills'),
    ]);
}

export function listCounsellors(db: Db): Promise<CounsellorRow[]> {
  return counsellorQuery(db).orderBy('staff_users.display_name').orderBy('counsellors.id').execute();
}

export function findCounsellor(db: Db, id: string): Promise<CounsellorRow | undefined> {
  return counsellorQuery(db).where('counsellors.id', '=', id).executeTakeFirst();
}

export async function unknownServices(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db.selectFrom('services').select('id').where('id', 'in', ids).execute();
  const known = new Set(found.map((f) => f.id));
  return ids.filter((i) => !known.has(i));
}

export async function siteExists(db: Db, id: string): Promise<boolean> {
  return !!(await db.selectFrom('sites').select('id').where('id', '=', id).executeTakeFirst());
}

/** Creates the staff account and its counsellor profile; undefined when the e-mail is taken. */
export async function insertCounsellor(
  trx: Transaction<Database>,
  c: { email: string; displayName: string; role: StaffRole; passwordHash: string; siteId: string | null },
): Promise<string | undefined> {
  const user = await trx
    .insertInto('staff_users')
    .values({
      email: c.email,
      display_name: c.displayName,
      password_hash: c.passwordHash,
      role: c.role,
      must_change_password: true,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!user) return undefined;
  const row = await trx
    .insertInto('counsellors')
    .values({ staff_user_id: user.id, site_id: c.siteId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceSkills(
  trx: Transaction<Database>,
  counsellorId: string,
  skills: readonly string[],
) {
  await trx.deleteFrom('counsellor_skills').where('counsellor_id', '=', counsellorId).execute();
  if (skills.length > 0)
    await trx
      .insertInto('counsellor_skills')
      .values([...new Set(skills)].map((service_id) => ({ counsellor_id: counsellorId, service_id })))
      .execute();
}

export async function updateCounsellorProfile(
  trx: Transaction<Database>,
  row: { id: string; userId: string },
  changes: { displayName?: string; active?: boolean; siteId?: string | null },
  now: Date,
): Promise<void> {
  if (changes.displayName !== undefined || changes.active !== undefined)
    await trx
      .updateTable('staff_users')
      .set({
        ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
        ...(changes.active !== undefined ? { active: changes.active } : {}),
        updated_at: now,
      })
      .where('id', '=', row.userId)
      .execute();
  if (changes.active !== undefined || changes.siteId !== undefined)
    await trx
      .updateTable('counsellors')
      .set({
        ...(changes.active !== undefined ? { active: changes.active } : {}),
        ...(changes.siteId !== undefined ? { site_id: changes.siteId } : {}),
      })
      .where('id', '=', row.id)
      .execute();
}

/** A deactivated counsellor's future appointments need a new time; returns how many were flagged. */
export async function flagFutureBookings(trx: Transaction<Database>, counsellorId: string, now: Date) {
  const r = await trx
    .updateTable('bookings')
    .set({ needs_rebooking: true, needs_rebooking_reason: 'counsellor_inactive', updated_at: now })
    .where('counsellor_id', '=', counsellorId)
    .where('status', '=', 'confirmed')
    .where('start_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function setRole(
  db: Db,
  userId: string,
  changes: { role?: StaffRole; supervisor?: boolean },
  now: Date,
): Promise<void> {
  await db
    .updateTable('staff_users')
    .set({ ...changes, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

const SITE_COLUMNS = ['id', 'name', 'federal_state as federalState'] as const;

export function listSites(db: Db) {
  return db.selectFrom('sites').select(SITE_COLUMNS).orderBy('name').execute();
}

export function insertSite(db: Db, site: { name: string; federalState?: FederalState | null | undefined }) {
  return db
    .insertInto('sites')
    .values({ name: site.name, federal_state: site.federalState ?? null })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning(SITE_COLUMNS)
    .executeTakeFirst();
}

/** Renames a site and, when given, sets its federal state; returns the row before and after. */
export async function updateSite(
  db: Db,
  id: string,
  site: { name: string; federalState?: FederalState | null | undefined },
) {
  const before = await db
    .selectFrom('sites')
    .select(SITE_COLUMNS)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!before) return undefined;
  const after = await db
    .updateTable('sites')
    .set({
      name: site.name,
      ...(site.federalState !== undefined ? { federal_state: site.federalState } : {}),
    })
    .where('id', '=', id)
    .returning(SITE_COLUMNS)
    .executeTakeFirstOrThrow();
  return { before, after };
}
