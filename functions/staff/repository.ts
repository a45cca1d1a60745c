// Kysely queries for staff accounts: lookup, password and TOTP changes, single sign-on provisioning.
import { type Kysely, sql } from 'kysely';
import type { Database, StaffRole } from '../db/database.ts';

const STAFF_COLUMNS = [
  'staff_users.id',
  'staff_users.email',
  'staff_users.display_name',
  'staff_users.password_hash',
  'staff_users.role',
  'staff_users.supervisor',
  'staff_users.active',
  'staff_users.oidc_subject',
  'staff_users.totp_secret',
  'staff_users.totp_enabled',
  'staff_users.totp_last_step',
  'staff_users.must_change_password',
  'staff_users.password_reset_at',
  'counsellors.id as counsellor_id',
] as const;

function staffQuery(db: Kysely<Database>) {
  return db
    .selectFrom('staff_users')
    .leftJoin('counsellors', 'counsellors.staff_user_id', 'staff_users.id')
    .select(STAFF_COLUMNS);
}

export function findStaffByEmail(db: Kysely<Database>, email: string) {
  return staffQuery(db).where('staff_users.email', '=', email).executeTakeFirst();
}

export function findStaffById(db: Kysely<Database>, id: string) {
  return staffQuery(db).where('staff_users.id', '=', id).executeTakeFirst();
}

export type StaffRecord = NonNullable<Awaited<ReturnType<typeof findStaffById>>>;

export async function updatePassword(
  db: Kysely<Database>,
  userId: string,
  hash: string,
  now: Date,
  mustChange: boolean,
  resetBy: string | null = null,
): Promise<void> {
  await db
    .updateTable('staff_users')
    .set({
      password_hash: hash,
      must_change_password: mustChange,
      password_changed_at: now,
      password_reset_by: resetBy,
      password_reset_at: resetBy ? now : null,
      updated_at: now,
    })
    .where('id', '=', userId)
    .execute();
}

/** Stores a secret awaiting confirmation; an enabled second factor is replaced only after confirming. */
export async function storePendingTotp(db: Kysely<Database>, userId: string, secret: string): Promise<void> {
  await db
    .updateTable('staff_users')
    .set({ totp_secret: secret, totp_enabled: false, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
}

/**
 * Records the time step of an accepted code; false if that step (or a later one) was used already,
 * so two requests with one code cannot both pass.
 */
export async function claimTotpStep(
  db: Kysely<Database>,
  userId: string,
  step: number,
  enable = false,
): Promise<boolean> {
  const res = await db
    .updateTable('staff_users')
    .set({ totp_last_step: step, ...(enable ? { totp_enabled: true } : {}) })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface ProvisionInput {
  subject: string;
  email: string;
  displayName: string;
  role: StaffRole;
  supervisor: boolean;
}

/**
 * Finds the account of an identity-provider subject, else adopts the account with the same verified
 * e-mail that has no subject yet, else creates one; role and supervisor follow the provider each time.
 * Returns the user id and whether role or supervisor changed (other sessions then end).
 */
export async function provisionOidcUser(
  db: Kysely<Database>,
  p: ProvisionInput,
  now: Date,
): Promise<{ id: string; changed: boolean; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const existing =
      (await trx
        .selectFrom('staff_users')
        .select(['id', 'role', 'supervisor'])
        .where('oidc_subject', '=', p.subject)
        .forUpdate()
        .executeTakeFirst()) ??
      (await trx
        .selectFrom('staff_users')
        .select(['id', 'role', 'supervisor'])
        .where('email', '=', p.email)
        .where('oidc_subject', 'is', null)
        .forUpdate()
        .executeTakeFirst());
    if (existing) {
      const changed = existing.role !== p.role || existing.supervisor !== p.supervisor;
      await trx
        .updateTable('staff_users')
        .set({
          oidc_subject: p.subject,
          role: p.role,
          supervisor: p.supervisor,
          display_name: p.displayName,
          updated_at: now,
        })
        .where('id', '=', existing.id)
        .execute();
      return { id: existing.id, changed, created: false };
    }
    const row = await trx
      .insertInto('staff_users')
      .values({
        email: p.email,
        display_name: p.displayName,
        password_hash: null,
        role: p.role,
        supervisor: p.supervisor,
        oidc_subject: p.subject,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Every staff member from the provider can take appointments; operators decide about skills.
    if (p.role === 'counsellor')
      await trx.insertInto('counsellors').values({ staff_user_id: row.id }).execute();
    return { id: row.id, changed: false, created: true };
  });
}

/** True when the e-mail belongs to an account bound to another provider subject. */
export async function emailTakenByOtherSubject(
  db: Kysely<Database>,
  email: string,
  subject: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('staff_users')
    .select(sql<number>`1`.as('one'))
    .where('email', '=', email)
    .where('oidc_subject', 'is not', null)
    .where('oidc_subject', '!=', subject)
    .executeTakeFirst();
  return row !== undefined;
}
