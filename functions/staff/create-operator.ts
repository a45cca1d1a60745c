// Creates the first (or another) operator with a one-time password that must be changed at first
// login; an existing account gets a new one-time password instead (recovery). Used by
// `npm run create-operator`.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { generateSecret } from '../platform/secrets.ts';
import { resetToOneTimePassword } from './accounts.ts';
import { hashPassword } from './password.ts';

export interface CreateOperatorResult {
  userId: string;
  oneTimePassword: string;
  created: boolean;
}

export async function createOperator(
  db: Kysely<Database>,
  o: { email: string; displayName: string; supervisor?: boolean; iterations?: number },
  now: Date,
): Promise<CreateOperatorResult> {
  const oneTimePassword = generateSecret(15);
  const hash = await hashPassword(oneTimePassword, o.iterations);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('staff_users')
      .select(['id', 'role'])
      .where('email', '=', o.email)
      .forUpdate()
      .executeTakeFirst();
    if (existing) {
      if (existing.role !== 'operator') throw new Error(`${o.email} exists and is not an operator`);
      await resetToOneTimePassword(trx, existing.id, hash, now);
      await auditCommand(trx, existing.id, 'operator_password_reset_by_command');
      return { userId: existing.id, oneTimePassword, created: false };
    }
    const row = await trx
      .insertInto('staff_users')
      .values({
        email: o.email,
        display_name: o.displayName,
        password_hash: hash,
        role: 'operator',
        supervisor: o.supervisor ?? false,
        must_change_password: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await auditCommand(trx, row.id, 'operator_created_by_command');
    return { userId: row.id, oneTimePassword, created: true };
  });
}

async function auditCommand(db: Kysely<Database>, userId: string, action: string): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_type: 'system',
      action,
      entity_type: 'staff_user',
      entity_id: userId,
      detail: JSON.stringify({ via: 'create-operator' }),
    })
    .execute();
}
