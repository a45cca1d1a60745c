// The ceiling of one booking on this database: pgbench calling the app's booking statement
// (claim_booking, migration 0026, called by name) with the arguments the app builds.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildScheduledClaim, findBookableService } from '../functions/bookings/book.ts';
import { workingCandidates } from '../functions/bookings/placement.ts';
import { createDb, createPool } from '../functions/db/connect.ts';
import { parseConfig } from '../functions/env.ts';
import { TtlMemo } from '../functions/platform/ttl-memo.ts';
import { rulesOf } from '../functions/slots/calendar.ts';
import { TIME_ZONE } from './lib/scheduling-seed.ts';

const run = promisify(execFile);

export interface CeilingResult {
  calls: number;
  bookingsPerSec: number;
}

const SCRIPT = `with n as (select nextval('bench_book_seq') as i)
select b.id from n join bench_book_args a on a.i = n.i,
  lateral claim_booking(p_id => a.id, p_kind => 'scheduled', p_candidates => a.candidates, p_start => a.start_at,
    p_join_code_hash => a.join_code_hash, p_room_name => a.room_name, p_time_zone => a.time_zone, p_now => now(),
    p_audit => row('citizen', null, a.request_id, null, null, null)::booking_audit, p_service_id => a.service_id,
    p_end => a.end_at, p_blocked_start => a.blocked_start, p_blocked_end => a.blocked_end,
    p_manage_token_hash => a.manage_token_hash, p_messages => a.messages,
    p_contact => row(a.phone, a.name, a.email, a.customer_number, a.language)::booking_contact) as b;
`;

/**
 * Prepares `rows` argument sets exactly as POST /api/bookings builds them (buildScheduledClaim, and the
 * working counsellors for that start from workingCandidates), each used once by runCeiling.
 */
export async function prepareCeiling(
  databaseUrl: string,
  serviceId: string,
  starts: string[],
  rows: number,
): Promise<void> {
  const pool = createPool({ connectionString: databaseUrl, max: 4 });
  const db = createDb(pool);
  try {
    const config = parseConfig({ DATABASE_URL: databaseUrl, TIME_ZONE, RATE_LIMITS: 'off' });
    const service = await findBookableService(db, serviceId);
    if (!service) throw new Error(`no service ${serviceId}`);
    const working = new Map<string, string[]>();
    for (const start of starts)
      working.set(
        start,
        await workingCandidates(
          { db, memo: new TtlMemo() },
          service,
          rulesOf(service),
          TIME_ZONE,
          new Date(start),
        ),
      );
    await pool.query(`drop table if exists bench_book_args; drop sequence if exists bench_book_seq;
      create sequence bench_book_seq;
      create table bench_book_args (i bigint primary key, id uuid, candidates uuid[], service_id text,
        start_at timestamptz, end_at timestamptz, blocked_start timestamptz, blocked_end timestamptz,
        join_code_hash bytea, manage_token_hash bytea, room_name text, phone text, name text, email text,
        customer_number text, language text, time_zone text, messages jsonb, request_id text)`);
    const batch: unknown[] = [];
    const flush = async () => {
      await pool.query(
        `insert into bench_book_args
         select i, id, candidates, service_id, start_at, end_at, blocked_start, blocked_end,
                decode(join_code_hash, 'hex'), decode(manage_token_hash, 'hex'), room_name, phone, name, email,
                customer_number, language, time_zone, messages, request_id
         from jsonb_to_recordset($1::jsonb) as r(i bigint, id uuid, candidates uuid[], service_id text,
           start_at timestamptz, end_at timestamptz, blocked_start timestamptz, blocked_end timestamptz,
           join_code_hash text, manage_token_hash text, room_name text, phone text, name text, email text,
           customer_number text, language text, time_zone text, messages jsonb, request_id text)`,
        [JSON.stringify(batch)],
      );
      batch.length = 0;
    };
    const hex = (b: Uint8Array | null) => (b ? Buffer.from(b).toString('hex') : null);
    for (let i = 1; i <= rows; i++) {
      const start = starts[i % starts.length] ?? '';
      const list = working.get(start) ?? [];
      const ctx = { db, config, now: new Date(), requestId: `bench-${i}` };
      const req = {
        serviceId,
        start: new Date(start),
        phone: `+49160${String(10_000_000 + i)}`,
        name: null,
        email: null,
        customerNumber: null,
        language: 'de' as const,
      };
      const { claim } = await buildScheduledClaim(ctx, service, req);
      const b = claim.contact;
      batch.push({
        i,
        id: claim.id,
        candidates: `{${list.join(',')}}`,
        service_id: claim.serviceId,
        start_at: claim.start,
        end_at: claim.end,
        blocked_start: claim.blockedStart,
        blocked_end: claim.blockedEnd,
        join_code_hash: hex(claim.joinCodeHash),
        manage_token_hash: hex(claim.manageTokenHash ?? null),
        room_name: claim.roomName,
        phone: b?.phone,
        name: b?.name,
        email: b?.email,
        customer_number: b?.customerNumber,
        language: b?.language,
        time_zone: claim.timeZone,
        messages: JSON.parse(claim.messagesJson ?? '[]'),
        request_id: claim.audit.requestId,
      });
      if (batch.length >= 500) await flush();
    }
    if (batch.length) await flush();
  } finally {
    await db.destroy();
  }
}

/** Runs the prepared calls for `durationMs`; counts the bookings they created. */
export async function runCeiling(
  pgbench: string,
  databaseUrl: string,
  clients: number,
  durationMs: number,
): Promise<CeilingResult> {
  const url = new URL(databaseUrl);
  const dir = mkdtempSync(join(tmpdir(), 'br-pgbench-'));
  const pool = createPool({ connectionString: databaseUrl, max: 1 });
  try {
    writeFileSync(join(dir, 'book.sql'), SCRIPT);
    const count = async () =>
      Number(
        (await pool.query("select count(*) as n from bookings where phone_e164 like '+49160%'")).rows[0].n,
      );
    const before = await count();
    const seconds = Math.max(1, Math.round(durationMs / 1000));
    const args = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username)];
    const { stdout } = await run(
      pgbench,
      [
        '-n',
        '-M',
        'extended',
        '-c',
        String(clients),
        '-j',
        '2',
        '-T',
        String(seconds),
        '-f',
        join(dir, 'book.sql'),
        ...args,
        url.pathname.slice(1),
      ],
      { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) }, maxBuffer: 1 << 20 },
    );
    const calls = Number(/number of transactions actually processed: (\d+)/.exec(stdout)?.[1] ?? 'NaN');
    const created = (await count()) - before;
    return { calls, bookingsPerSec: created / seconds };
  } finally {
    await pool.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
