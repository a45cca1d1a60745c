// Kysely queries for staff accounts and their sessions.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

export function findStaffByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('staff_users')
    .leftJoin('counsellors', 'counsellors.staff_user_id', 'staff_users.id')
    .select([
      'staff_users.id',
      'staff_users.email',
      'staff_users.display_name',
      'staff_users.password_hash',
      'staff_users.role',
      'staff_users.active',
      'staff_users.locked_until',
      'staff_users.failed_logins',
      'counsellors.id as counsellor_id',
    ])
    .where('staff_users.email', '=', email)
    .executeTakeFirst();
}

export async function recordLoginFailure(
  db: Kysely<Database>,
  userId: string,
  lockUntil: Date | null,
): Promise<void> {
  await db
    .updateTable('staff_users')
    .set((eb) => ({
      failed_logins: eb('failed_logins', '+', 1),
      ...(lockUntil ? { locked_until: lockUntil } : {}),
    }))
    .where('id', '=', userId)
    .execute();
}

export async function recordLoginSuccess(db: Kysely<Database>, userId: string): Promise<void> {
  await db
    .updateTable('staff_users')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

export async function insertSession(
  db: Kysely<Database>,
  s: { tokenHash: Uint8Array; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('staff_sessions')
    .values({ token_hash: s.tokenHash, user_id: s.userId, csrf_token: s.csrfToken, expires_at: s.expiresAt })
    .execute();
}

export function findSession(db: Kysely<Database>, tokenHash: Uint8Array, now: Date) {
  return db
    .selectFrom('staff_sessions')
    .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.user_id')
    .leftJoin('counsellors', 'counsellors.staff_user_id', 'staff_users.id')
    .select([
      'staff_sessions.csrf_token',
      'staff_sessions.last_seen_at',
      'staff_sessions.expires_at',
      'staff_users.id as user_id',
      'staff_users.email',
      'staff_users.display_name',
      'staff_users.role',
      'counsellors.id as counsellor_id',
    ])
    .where('staff_sessions.token_hash', '=', tokenHash)
    .where('staff_sessions.expires_at', '>', now)
    .where('staff_users.active', '=', true)
    .executeTakeFirst();
}

export async function touchSession(
  db: Kysely<Database>,
  tokenHash: Uint8Array,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await db
    .updateTable('staff_sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: Uint8Array): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('staff_sessions').where('expires_at', '<=', now).execute();
}
