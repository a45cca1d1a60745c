// `npm run create-operator -- --email ops@agency.example --name "Olga Operator" [--supervisor]`:
// migrates DATABASE_URL (or the embedded database) and prints a one-time password, changed at first login.
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { createDb, createPool } from '../functions/db/connect.ts';
import { migrateToLatest } from '../functions/db/migrator.ts';
import { parseConfig } from '../functions/env.ts';
import { createOperator } from '../functions/staff/create-operator.ts';
import { startEmbeddedPostgres } from './lib/embedded-postgres.ts';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    supervisor: { type: 'boolean', default: false },
  },
});
const Args = v.object({
  email: v.pipe(
    v.string('--email is required'),
    v.trim(),
    v.toLowerCase(),
    v.email('--email must be an e-mail address'),
  ),
  name: v.pipe(
    v.string('--name is required'),
    v.trim(),
    v.minLength(1, '--name is required'),
    v.maxLength(200),
  ),
});
const args = v.safeParse(Args, values);
if (!args.success) {
  console.error(args.issues.map((i) => i.message).join('\n'));
  console.error(
    'usage: npm run create-operator -- --email ops@agency.example --name "Olga Operator" [--supervisor]',
  );
  process.exit(2);
}
const config = parseConfig(process.env);
const embedded = config.DATABASE_URL
  ? null
  : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, quiet: true });
const db = createDb(createPool({ connectionString: config.DATABASE_URL || embedded!.url, max: 1 }));
try {
  await migrateToLatest(db);
  const r = await createOperator(
    db,
    { email: args.output.email, displayName: args.output.name, supervisor: values.supervisor ?? false },
    new Date(),
  );
  console.log(
    `${r.created ? 'Created operator' : 'New one-time password for operator'} ${args.output.email}`,
  );
  console.log(`One-time password (shown once, must be changed at first login): ${r.oneTimePassword}`);
  if (config.OPERATOR_TOTP === 'required')
    console.log('The first login then sets up an authenticator app (TOTP).');
} catch (e) {
  console.error(String((e as Error).message));
  process.exitCode = 1;
} finally {
  await db.destroy();
  await embedded?.stop();
}
