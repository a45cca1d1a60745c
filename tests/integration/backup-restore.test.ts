// scripts/backup.sh and scripts/restore.sh end to end on PostgreSQL 15: the restored system keeps working.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../functions/app/seed.ts';
import { createDb, createPool } from '../../functions/db/connect.ts';
import { migrateToLatest } from '../../functions/db/migrator.ts';
import { createTestApp, type TestApp, TestClock } from '../helpers/app.ts';
import type { TestDatabase } from '../helpers/database.ts';
import {
  type DebianPostgres,
  debianPostgresMissingReason,
  PG15_BIN,
  startDebianPostgres,
} from '../helpers/debian-postgres.ts';
import { type LiveKitFixture, liveKitMissingReason, startTestLiveKit } from '../helpers/room-fixtures.ts';
import { type SmsReceiver, startSmsReceiver } from '../helpers/sms-receiver.ts';
import { seedBooking } from './outbox-fixtures.ts';

const skip = debianPostgresMissingReason() ?? liveKitMissingReason();
const TOKEN = 'backup-tick-token-0123456789';
const BOOKED_AT = new Date('2026-11-30T09:00:00Z'); // Monday 10:00 in Berlin
const START = '2026-12-03T10:00:00+01:00'; // Thursday

let server: DebianPostgres;
let livekit: LiveKitFixture;
let receiver: SmsReceiver;
let backupDir: string;
const opened: TestDatabase[] = [];

function openDatabase(url: string): TestDatabase {
  const pool = createPool({ connectionString: url });
  const tdb = { url, pool, db: createDb(pool), close: () => tdb.db.destroy() };
  opened.push(tdb);
  return tdb;
}

function appOn(tdb: TestDatabase, clock: TestClock): TestApp {
  return createTestApp(tdb, {
    clock,
    env: {
      ...livekit.env,
      SMS_GATEWAY_URL: receiver.url,
      INTERNAL_TOKEN: TOKEN,
      DEMO_PASSWORD: 'demo-pw',
      RATE_LIMITS: 'off',
    },
  });
}

function run(script: string, args: string[], env: Record<string, string>) {
  const r = spawnSync('bash', [script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PG_BIN: PG15_BIN, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function loginAdmin(t: TestApp): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const res = await t.request('/api/auth/login', {
    method: 'POST',
    json: { email: 'admin@example.org', password: 'demo-pw' },
  });
  expect(res.status).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', 'x-csrf-token': csrfToken };
}

beforeAll(async () => {
  if (skip) return;
  [server, livekit, receiver] = await Promise.all([
    startDebianPostgres(),
    startTestLiveKit(),
    startSmsReceiver(),
  ]);
  backupDir = mkdtempSync(join(tmpdir(), 'br-backups-'));
}, 120_000);

afterAll(async () => {
  if (skip) return;
  for (const tdb of opened) await tdb.close().catch(() => {});
  await Promise.all([server.stop(), livekit.stop(), receiver.close()]);
  rmSync(backupDir, { recursive: true, force: true });
});

describe.skipIf(skip)('backup and restore', () => {
  it('restores bookings, staff, capacity and pending messages; links work and retention still erases', async () => {
    const clock = new TestClock(BOOKED_AT);
    await server.query('create database production');
    const source = openDatabase(server.url('production'));
    await migrateToLatest(source.db);
    await seedDemoData(source.db, { password: 'demo-pw', iterations: 1000, counsellors: 2 });
    const before = appOn(source, clock);
    const cap = await before.request('/api/admin/capacity', {
      method: 'PUT',
      headers: await loginAdmin(before),
      json: { maxConcurrentSessions: 5 },
    });
    expect(cap.status).toBe(200);
    const booked = await before.request('/api/bookings', {
      method: 'POST',
      json: {
        service: 'arbeitslosengeld',
        start: START,
        phone: '0151 12345678',
        consent: true,
        name: 'Max Muster',
      },
    });
    expect(booked.status).toBe(201);
    const { booking, joinUrl, manageUrl } = (await booked.json()) as {
      booking: { id: string };
      joinUrl: string;
      manageUrl: string;
    };
    // An appointment long past whose personal data is due for erasure.
    const counsellor = await source.db.selectFrom('counsellors').select('id').executeTakeFirstOrThrow();
    const old = await seedBooking(source.db, {
      counsellorId: counsellor.id,
      start: new Date('2026-09-01T08:00:00Z'),
      status: 'completed',
      name: 'Erika Alt',
    });
    const pending = await source.db
      .selectFrom('outbox_messages')
      .select(['id', 'kind'])
      .where('status', '=', 'pending')
      .execute();
    expect(pending.map((m) => m.kind)).toContain('confirmation');

    const backup = run('scripts/backup.sh', [], { DATABASE_URL: source.url, BACKUP_DIR: backupDir });
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const file = backup.stdout.trim();
    expect(existsSync(file) && existsSync(`${file}.sha256`)).toBe(true);

    // The loss: the production database is gone.
    await source.close();
    await server.query('drop database production with (force)');
    await server.query('create database production');
    const restore = run('scripts/restore.sh', [file], { DATABASE_URL: server.url('production') });
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);

    const restored = openDatabase(server.url('production'));
    const t = appOn(restored, clock);
    expect((await t.request('/readyz')).status).toBe(200);
    // Staff and capacity.
    const capacity = await (await t.request('/api/admin/capacity', { headers: await loginAdmin(t) })).json();
    expect(capacity.maxConcurrentSessions).toBe(5);
    // The manage link.
    const token = new URL(manageUrl).pathname.split('/')[2];
    const managed = await t.request(`/api/bookings/manage/${token}`);
    expect(managed.status).toBe(200);
    expect((await managed.json()).booking.id).toBe(booking.id);
    // Pending messages go out after the restore, with the ids they had before.
    const tick = () =>
      t.request('/internal/tick', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } });
    expect((await tick()).status).toBe(200);
    const sent = receiver.accepted().map((r) => r.id);
    for (const m of pending.filter((p) => p.kind === 'confirmation')) expect(sent).toContain(m.id);
    // Retention erased the old appointment's personal data.
    const erased = await restored.db
      .selectFrom('bookings')
      .select(['name', 'phone_e164', 'personal_data_erased_at'])
      .where('id', '=', old.id)
      .executeTakeFirstOrThrow();
    expect(erased).toMatchObject({ name: null, phone_e164: null });
    expect(erased.personal_data_erased_at).not.toBeNull();
    // The join link, inside its window, gives a video token from the real LiveKit server.
    clock.set(new Date(Date.parse(START) - 5 * 60_000));
    const code = new URL(joinUrl).pathname.split('/')[2];
    const join = await t.request('/api/join', { method: 'POST', json: { code } });
    expect(join.status).toBe(200);
    expect((await join.json()).token).toMatch(/^ey/);
  });

  it('refuses to restore over a database that has tables, unless told --clean', async () => {
    const file = join(backupDir, readdirSync(backupDir).find((f) => f.endsWith('.dump')) as string);
    const refused = run('scripts/restore.sh', [file], { DATABASE_URL: server.url('production') });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('already has');
    const clean = run('scripts/restore.sh', ['--clean', file], { DATABASE_URL: server.url('production') });
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
  });

  it('refuses a damaged archive and a missing database URL with a message', async () => {
    const file = join(backupDir, readdirSync(backupDir).find((f) => f.endsWith('.dump')) as string);
    const copy = join(backupDir, 'beratungsraum-damaged.dump');
    spawnSync('cp', [file, copy]);
    spawnSync('cp', [`${file}.sha256`, `${copy}.sha256`]);
    spawnSync('sed', ['-i', `s/${file.split('/').pop()}/beratungsraum-damaged.dump/`, `${copy}.sha256`]);
    spawnSync('truncate', ['-s', '-100', copy]);
    const damaged = run('scripts/restore.sh', [copy], { DATABASE_URL: server.url('postgres') });
    expect(damaged.status).toBe(1);
    expect(damaged.stderr).toContain('does not match its checksum');
    const noUrl = run('scripts/backup.sh', [], { DATABASE_URL: '', BACKUP_DATABASE_URL: '' });
    expect(noUrl.status).toBe(2);
    expect(noUrl.stderr).toContain('DATABASE_URL');
  });
});
