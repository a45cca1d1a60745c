// Kysely queries for staff sessions: create, look up, refresh, list, end (one, others, all), purge.
import type { Kysely, Transaction } from 'kysely';
import type { Database, SessionPending } from '../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewSession {
  tokenHash: Uint8Array;
  userId: string;
  csrfToken: string;
  now: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  authMethod: 'password' | 'oidc';
  pending: SessionPending | null;
  oidcSid?: string | null;
  idToken?: string | null;
  userAgent?: string | null;
  clientHash?: string | null;
}

export async function insertSession(db: Db, s: NewSession): Promise<void> {
  await db
    .insertInto('staff_sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      absolute_expires_at: s.absoluteExpiresAt,
      auth_method: s.authMethod,
      pending: s.pending,
      oidc_sid: s.oidcSid ?? null,
      id_token: s.idToken ?? null,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
      client_hash: s.clientHash ?? null,
    })
    .execute();
}

/** Sessions within both their idle and their absolute end. */
function liveSessions(db: Db, now: Date) {
  return db
    .selectFrom('staff_sessions')
    .where('staff_sessions.expires_at', '>', now)
    .where('staff_sessions.absolute_expires_at', '>', now);
}

export function findSession(db: Db, tokenHash: Uint8Array, now: Date) {
  return liveSessions(db, now)
    .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.user_id')
    .leftJoin('counsellors', 'counsellors.staff_user_id', 'staff_users.id')
    .select([
      'staff_sessions.id as session_id',
      'staff_sessions.csrf_token',
      'staff_sessions.last_seen_at',
      'staff_sessions.absolute_expires_at',
      'staff_sessions.auth_method',
      'staff_sessions.pending',
      'staff_users.id as user_id',
      'staff_users.email',
      'staff_users.display_name',
      'staff_users.role',
      'staff_users.supervisor',
      'staff_users.password_reset_at',
      'counsellors.id as counsellor_id',
    ])
    .where('staff_sessions.token_hash', '=', tokenHash)
    .where('staff_users.active', '=', true)
    .executeTakeFirst();
}

export async function touchSession(db: Db, tokenHash: Uint8Array, now: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable('staff_sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function setSessionPending(db: Db, tokenHash: Uint8Array, pending: SessionPending | null) {
  await db.updateTable('staff_sessions').set({ pending }).where('token_hash', '=', tokenHash).execute();
}

/** Ends a session and returns what the identity provider needs for its logout. */
export async function deleteSession(db: Db, tokenHash: Uint8Array) {
  return db
    .deleteFrom('staff_sessions')
    .where('token_hash', '=', tokenHash)
    .returning(['auth_method', 'id_token'])
    .executeTakeFirst();
}

/** Ends every session of a user except `keep` (all when `keep` is null); returns how many. */
export async function deleteSessionsOfUser(db: Db, userId: string, keep: Uint8Array | null): Promise<number> {
  let q = db.deleteFrom('staff_sessions').where('user_id', '=', userId);
  if (keep) q = q.where('token_hash', '!=', keep);
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function deleteSessionById(db: Db, userId: string, id: string): Promise<boolean> {
  const res = await db
    .deleteFrom('staff_sessions')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** Back-channel logout: the provider names its session (sid) or, without one, the user (sub). */
export async function deleteOidcSessions(db: Db, by: { sid?: string; subject?: string }): Promise<number> {
  let q = db.deleteFrom('staff_sessions').where('auth_method', '=', 'oidc');
  const subject = by.subject;
  if (by.sid) q = q.where('oidc_sid', '=', by.sid);
  else if (subject)
    q = q.where('user_id', 'in', (eb) =>
      eb.selectFrom('staff_users').select('id').where('oidc_subject', '=', subject),
    );
  else return 0;
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows);
}

export function listSessions(db: Db, userId: string, now: Date) {
  return liveSessions(db, now)
    .select([
      'id',
      'token_hash',
      'created_at',
      'last_seen_at',
      'expires_at',
      'absolute_expires_at',
      'auth_method',
      'user_agent',
    ])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Removes sessions past their idle or absolute end (the tick calls this); returns how many. */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const res = await db
    .deleteFrom('staff_sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('absolute_expires_at', '<=', now)]))
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
