// Operator management of counsellors: list, create, update (name, active, skills, site), reset password.
import { Hono } from 'hono';
import { auditedChange, auditStaff } from '../audit/audit.ts';
import type { StaffEnv } from '../http/context.ts';
import { AppError } from '../http/problem.ts';
import { isUuid } from '../http/schemas.ts';
import { validate } from '../http/validation.ts';
import { generateSecret } from '../platform/secrets.ts';
import { endAllSessions, resetToOneTimePassword } from '../staff/accounts.ts';
import { hashPassword } from '../staff/password.ts';
import {
  type CounsellorRow,
  findCounsellor,
  flagFutureBookings,
  insertCounsellor,
  listCounsellors,
  replaceSkills,
  setRole,
  siteExists,
  unknownServices,
  updateCounsellorProfile,
} from './counsellors-repository.ts';
import { CounsellorCreateSchema, CounsellorUpdateSchema, ResetPasswordSchema } from './schemas.ts';

export function counsellorJson(r: CounsellorRow) {
  return {
    id: r.id,
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    supervisor: r.supervisor,
    active: r.active,
    siteId: r.site_id,
    siteName: r.site_name,
    skills: r.skills,
  };
}

type Db = StaffEnv['Variables']['db'];

async function checkReferences(db: Db, skills: string[] | undefined, siteId: string | null | undefined) {
  const unknown = await unknownServices(db, skills ?? []);
  if (unknown.length > 0)
    throw new AppError('unknown_service', {
      errors: unknown.map((id) => ({ path: 'skills', message: `unknown service ${id}` })),
    });
  if (siteId && !(await siteExists(db, siteId)))
    throw new AppError('validation_failed', { errors: [{ path: 'siteId', message: 'unknown site' }] });
}

async function loadCounsellor(db: Db, id: string): Promise<CounsellorRow> {
  const row = isUuid(id) ? await findCounsellor(db, id) : undefined;
  if (!row) throw new AppError('not_found');
  return row;
}

/** A temporary password shown once to the operator (about 96 bits). */
function temporaryPassword(): string {
  return generateSecret(12);
}

/**
 * The role and supervisor changes asked for, or null. Nobody changes their own; only a supervisor
 * grants or withdraws the supervisor permission, so an operator cannot widen their own need-to-know.
 */
function roleChangeOf(
  actor: { userId: string; supervisor: boolean },
  row: CounsellorRow,
  body: { role?: 'counsellor' | 'operator'; supervisor?: boolean },
): { role?: 'counsellor' | 'operator'; supervisor?: boolean } | null {
  const role = body.role !== undefined && body.role !== row.role ? body.role : undefined;
  const supervisor =
    body.supervisor !== undefined && body.supervisor !== row.supervisor ? body.supervisor : undefined;
  if (role === undefined && supervisor === undefined) return null;
  if (row.user_id === actor.userId)
    throw new AppError('forbidden', { detail: 'You cannot change your own role.' });
  if (supervisor !== undefined && !actor.supervisor)
    throw new AppError('forbidden', {
      detail: 'Only a supervisor grants or withdraws the supervisor permission.',
    });
  return { ...(role ? { role } : {}), ...(supervisor !== undefined ? { supervisor } : {}) };
}

export const adminCounsellorRoutes = new Hono<StaffEnv>()
  .get('/counsellors', async (c) => {
    c.header('cache-control', 'no-store');
    return c.json({ counsellors: (await listCounsellors(c.get('db'))).map(counsellorJson) });
  })
  .post('/counsellors', validate('json', CounsellorCreateSchema), async (c) => {
    const body = c.req.valid('json');
    const db = c.get('db');
    await checkReferences(db, body.skills, body.siteId);
    const password = body.password ?? temporaryPassword();
    const passwordHash = await hashPassword(password);
    const id = await auditedChange(
      c,
      async (trx) => {
        const created = await insertCounsellor(trx, {
          email: body.email,
          displayName: body.displayName,
          role: body.role,
          passwordHash,
          siteId: body.siteId ?? null,
        });
        if (created) await replaceSkills(trx, created, body.skills);
        return created;
      },
      (created) => ({
        action: 'counsellor_created',
        entityType: 'counsellor',
        entityId: created,
        detail: { role: body.role, skills: body.skills },
      }),
    );
    if (!id) throw new AppError('conflict', { detail: 'An account with this e-mail exists already.' });
    const row = await loadCounsellor(db, id);
    return c.json(
      { counsellor: counsellorJson(row), ...(body.password ? {} : { temporaryPassword: password }) },
      201,
    );
  });

export const adminCounsellorItemRoutes = new Hono<StaffEnv>()
  .put('/counsellors/:id', validate('json', CounsellorUpdateSchema), async (c) => {
    const body = c.req.valid('json');
    const db = c.get('db');
    const actor = c.get('actor');
    const row = await loadCounsellor(db, c.req.param('id'));
    await checkReferences(db, body.skills, body.siteId);
    const roleChange = roleChangeOf(actor, row, body);
    const now = c.get('clock').now();
    const flagged = await db.transaction().execute(async (trx) => {
      await updateCounsellorProfile(trx, { id: row.id, userId: row.user_id }, body, now);
      if (body.skills) await replaceSkills(trx, row.id, body.skills);
      if (roleChange) await setRole(trx, row.user_id, roleChange, now);
      let count = 0;
      if (body.active === false && row.active) count = await flagFutureBookings(trx, row.id, now);
      // Deactivation and a changed role end every session, so no one keeps rights they lost.
      if ((body.active === false && row.active) || roleChange) await endAllSessions(trx, row.user_id);
      await auditStaff(c, 'counsellor_updated', {
        entityType: 'counsellor',
        entityId: row.id,
        detail: { ...body, flaggedForRebooking: count },
        db: trx,
      });
      return count;
    });
    return c.json({
      counsellor: counsellorJson(await loadCounsellor(db, row.id)),
      flaggedForRebooking: flagged,
    });
  })
  .post('/counsellors/:id/reset-password', validate('json', ResetPasswordSchema), async (c) => {
    const db = c.get('db');
    const actor = c.get('actor');
    const row = await loadCounsellor(db, c.req.param('id'));
    if (row.user_id === actor.userId)
      throw new AppError('forbidden', { detail: 'Change your own password under "Account".' });
    const password = temporaryPassword();
    const hash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      // One-time: the counsellor must choose a new one at the next login and is told of the reset.
      await resetToOneTimePassword(trx, row.user_id, hash, c.get('clock').now(), actor.userId);
      await auditStaff(c, 'password_reset', { entityType: 'counsellor', entityId: row.id, db: trx });
    });
    c.header('cache-control', 'no-store');
    return c.json({ status: 'reset', temporaryPassword: password });
  });
