// Kysely queries for interpreters: the console's list and edits, who is free for a slot, and claims by join code.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { BusyPeriod, CounsellorHours, WeeklyHours } from '../schedule/slot-engine.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface InterpreterRow {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  languages: string[];
  active: boolean;
  hours: WeeklyHours[];
}

export async function listInterpreters(db: Db, id?: string): Promise<InterpreterRow[]> {
  const rows = await db
    .selectFrom('interpreters as i')
    .select([
      'i.id',
      'i.name',
      'i.phone_e164 as phone',
      'i.email',
      'i.languages',
      'i.active',
      sql<
        WeeklyHours[]
      >`coalesce((select json_agg(json_build_object('weekday', h.weekday, 'start', to_char(h.start_time, 'HH24:MI'), 'end', to_char(h.end_time, 'HH24:MI')) order by h.weekday, h.start_time)
        from interpreter_hours h where h.interpreter_id = i.id), '[]'::json)`.as('hours'),
    ])
    .$if(id !== undefined, (q) => q.where('i.id', '=', id as string))
    .orderBy('i.name')
    .execute();
  return rows;
}

export interface InterpreterChange {
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | null | undefined;
  languages?: string[] | undefined;
  active?: boolean | undefined;
  hours?: readonly WeeklyHours[] | undefined;
}

export async function insertInterpreter(
  trx: Transaction<Database>,
  i: Required<Pick<InterpreterChange, 'name' | 'phone' | 'languages'>> & InterpreterChange,
): Promise<string> {
  const row = await trx
    .insertInto('interpreters')
    .values({
      name: i.name,
      phone_e164: i.phone,
      email: i.email ?? null,
      languages: i.languages,
      active: i.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (i.hours) await replaceHours(trx, row.id, i.hours);
  return row.id;
}

export async function updateInterpreter(
  trx: Transaction<Database>,
  id: string,
  i: InterpreterChange,
  now: Date,
): Promise<boolean> {
  const row = await trx
    .updateTable('interpreters')
    .set({
      updated_at: now,
      ...(i.name !== undefined ? { name: i.name } : {}),
      ...(i.phone !== undefined ? { phone_e164: i.phone } : {}),
      ...(i.email !== undefined ? { email: i.email } : {}),
      ...(i.languages !== undefined ? { languages: i.languages } : {}),
      ...(i.active !== undefined ? { active: i.active } : {}),
    })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (!row) return false;
  if (i.hours) await replaceHours(trx, id, i.hours);
  return true;
}

async function replaceHours(trx: Transaction<Database>, id: string, hours: readonly WeeklyHours[]) {
  await trx.deleteFrom('interpreter_hours').where('interpreter_id', '=', id).execute();
  if (hours.length === 0) return;
  await trx
    .insertInto('interpreter_hours')
    .values(
      hours.map((h) => ({ interpreter_id: id, weekday: h.weekday, start_time: h.start, end_time: h.end })),
    )
    .execute();
}

/** Languages at least one active interpreter offers, sorted. */
export async function offeredLanguages(db: Db): Promise<string[]> {
  const result = await sql<{ code: string }>`
    select distinct unnest(languages) as code from interpreters where active order by code`.execute(db);
  return result.rows.map((r) => r.code);
}

/** Active interpreters of a language with their weekly hours, for the slot engine. */
export async function loadInterpretersFor(db: Db, language: string): Promise<CounsellorHours[]> {
  const rows = await db
    .selectFrom('interpreters as i')
    .leftJoin('interpreter_hours as h', 'h.interpreter_id', 'i.id')
    .select(['i.id', 'h.weekday', 'h.start_time', 'h.end_time'])
    .where('i.active', '=', true)
    .where(sql<boolean>`${language} = any(i.languages)`)
    .orderBy('i.id')
    .execute();
  const byId = new Map<string, WeeklyHours[]>();
  for (const r of rows) {
    const hours = byId.get(r.id) ?? [];
    if (r.weekday !== null && r.start_time !== null && r.end_time !== null)
      hours.push({ weekday: r.weekday, start: r.start_time, end: r.end_time });
    byId.set(r.id, hours);
  }
  return [...byId].map(([id, hours]) => ({ id, hours }));
}

/** Confirmed interpreter claims of the given interpreters overlapping [from, to). */
export async function loadInterpreterBusy(
  db: Db,
  ids: string[],
  from: Date,
  to: Date,
  ignoreBookingId?: string,
): Promise<BusyPeriod[]> {
  if (ids.length === 0) return [];
  const result = await sql<{ id: string; s: number; e: number }>`
    select interpreter_id as id, (extract(epoch from lower(blocked)) * 1000)::float8 as s,
           (extract(epoch from upper(blocked)) * 1000)::float8 as e
    from interpreter_bookings
    where status = 'confirmed' and interpreter_id = any(${ids}::uuid[])
      and blocked && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')
      ${ignoreBookingId ? sql`and booking_id <> ${ignoreBookingId}` : sql``}`.execute(db);
  return result.rows.map((r) => ({ counsellorId: r.id, start: r.s, end: r.e }));
}

/** The confirmed interpreter claim a join code belongs to, with its booking id. */
export async function findClaimByCode(db: Db, codeHash: Uint8Array) {
  return db
    .selectFrom('interpreter_bookings as ib')
    .innerJoin('interpreters as i', 'i.id', 'ib.interpreter_id')
    .select(['ib.id', 'ib.booking_id', 'ib.interpreter_id', 'ib.language', 'ib.status', 'i.name'])
    .where('ib.join_code_hash', '=', codeHash)
    .executeTakeFirst();
}

/** The language of a booking's confirmed interpreter claim, if any. */
export async function interpreterLanguageOf(db: Db, bookingId: string): Promise<string | null> {
  const row = await db
    .selectFrom('interpreter_bookings')
    .select('language')
    .where('booking_id', '=', bookingId)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
  return row?.language ?? null;
}

/** The session an interpreter is invited into: what the invitation checks and books against. */
export function findSessionForInvite(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('bookings')
    .select(['id', 'counsellor_id', 'status', 'kind', 'service_id', 'start_at', 'end_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}
