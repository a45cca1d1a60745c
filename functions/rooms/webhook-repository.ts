// Stores LiveKit room and participant events idempotently: unique room_sid and webhook_id make redelivery a no-op.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { RoomRecord } from './webhook-events.ts';

type Trx = Transaction<Database>;

async function upsertRoomSession(
  trx: Trx,
  r: { roomSid: string; roomName: string; startedAt: Date },
  bookingId: string | null,
  participants: number,
  finishedAt: Date | null,
): Promise<void> {
  await trx
    .insertInto('room_sessions')
    .values({
      booking_id: bookingId,
      room_name: r.roomName,
      room_sid: r.roomSid,
      started_at: r.startedAt,
      finished_at: finishedAt,
      max_participants: participants,
    })
    .onConflict((oc) =>
      oc.column('room_sid').doUpdateSet((eb) => ({
        finished_at: eb.fn.coalesce('room_sessions.finished_at', 'excluded.finished_at'),
        max_participants: sql<number>`greatest(room_sessions.max_participants, excluded.max_participants)`,
      })),
    )
    .execute();
}

/** LiveKit's room info in participant events may lack counts: count who is in the room from the events. */
async function raiseMaxParticipants(trx: Trx, roomSid: string, roomName: string): Promise<void> {
  await sql`
    update room_sessions set max_participants = greatest(max_participants, (
      select count(*)::int from (
        select distinct on (identity) event from participant_events
        where room_name = ${roomName} and at >= room_sessions.started_at
        order by identity, at desc, id desc
      ) latest where event = 'joined'))
    where room_sid = ${roomSid}`.execute(trx);
}

async function applyParticipant(
  trx: Trx,
  r: Extract<RoomRecord, { kind: 'participant' }>,
  roomBookingId: string | null,
) {
  // The identity's booking must be the room's booking; anything else is recorded but attributed to nobody.
  const matches = r.identityBookingId !== null && r.identityBookingId === roomBookingId;
  const role = matches ? r.role : 'other';
  const inserted = await trx
    .insertInto('participant_events')
    .values({
      webhook_id: r.webhookId,
      booking_id: roomBookingId,
      room_name: r.roomName,
      identity: r.identity,
      role,
      event: r.event,
      at: r.at,
    })
    .onConflict((oc) => oc.column('webhook_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return;
  await upsertRoomSession(trx, r, roomBookingId, r.participants, null);
  if (r.event === 'joined') await raiseMaxParticipants(trx, r.roomSid, r.roomName);
  if (r.event === 'joined' && roomBookingId && role !== 'other') {
    const column = role === 'citizen' ? 'citizen_joined_at' : 'counsellor_joined_at';
    await trx
      .updateTable('bookings')
      .set((eb) => ({ [column]: eb.fn.coalesce(column, sql<Date>`${r.at}::timestamptz`) }))
      .where('id', '=', roomBookingId)
      .execute();
  }
}

/** Applies one webhook record in one transaction. */
export async function applyRoomRecord(db: Kysely<Database>, r: RoomRecord): Promise<void> {
  if (r.kind === 'ignored') return;
  await db.transaction().execute(async (trx) => {
    const booking = await trx
      .selectFrom('bookings')
      .select('id')
      .where('room_name', '=', r.roomName)
      .executeTakeFirst();
    const bookingId = booking?.id ?? null;
    if (r.kind === 'room_started') return upsertRoomSession(trx, r, bookingId, 0, null);
    if (r.kind === 'participant') return applyParticipant(trx, r, bookingId);
    await upsertRoomSession(trx, r, bookingId, 0, r.at);
    if (!bookingId) return;
    // A session both sides attended ends when its room does; a room that only one side visited is no end.
    await trx
      .updateTable('bookings')
      .set({ ended_at: sql<Date>`greatest(coalesce(ended_at, ${r.at}::timestamptz), ${r.at}::timestamptz)` })
      .where('id', '=', bookingId)
      .where('citizen_joined_at', 'is not', null)
      .where('counsellor_joined_at', 'is not', null)
      .execute();
  });
}
