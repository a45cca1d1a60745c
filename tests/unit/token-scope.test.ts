// Token scoping: identities name role and booking; grants are least privilege per role and for one room.
import { describe, expect, it } from 'vitest';
import { derivePresence } from '../../functions/rooms/presence.ts';
import {
  citizenIdentity,
  counsellorIdentity,
  grantFor,
  interpreterIdentity,
  parseIdentity,
  roomCapacity,
  TOKEN_TTL_SECONDS,
} from '../../functions/rooms/token-scope.ts';
import { toRoomRecord } from '../../functions/rooms/webhook-events.ts';

const B = '0b9c3c4e-8f1a-4d2b-9a55-3f3e5b6a7c8d';
const U = '5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';

describe('identities', () => {
  it.each([
    [citizenIdentity(B), { role: 'citizen', bookingId: B }],
    [`counsellor:${B}:0123456789abcdef`, { role: 'counsellor', bookingId: B, tag: '0123456789abcdef' }],
    ['citizen:not-a-uuid', { role: 'other' }],
    [`citizen:${B}:extra`, { role: 'other' }],
    [`counsellor:${B}`, { role: 'other' }],
    [`interpreter:${B}`, { role: 'other' }],
    ['', { role: 'other' }],
  ])('%s parses as %o', (identity, expected) => {
    expect(parseIdentity(identity)).toEqual(expected);
  });
});

describe('counsellorIdentity', () => {
  it('is stable per booking and staff member and never shows the staff user id', async () => {
    const a = await counsellorIdentity(B, U);
    expect(a).toMatch(new RegExp(`^counsellor:${B}:[0-9a-f]{16}$`));
    expect(a).not.toContain(U);
    expect(await counsellorIdentity(B, U)).toBe(a);
    expect(await counsellorIdentity(B, '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6')).not.toBe(a);
    expect(parseIdentity(a)).toMatchObject({ role: 'counsellor', bookingId: B });
  });
});

describe('interpreterIdentity', () => {
  it('is stable per booking and interpreter, never shows the record id and differs from the counsellor tag', async () => {
    const a = await interpreterIdentity(B, U);
    expect(a).toMatch(new RegExp(`^interpreter:${B}:[0-9a-f]{16}$`));
    expect(a).not.toContain(U);
    expect(await interpreterIdentity(B, U)).toBe(a);
    expect(a.split(':')[2]).not.toBe((await counsellorIdentity(B, U)).split(':')[2]);
  });

  it('gets the citizen grant: data messages for link reports, no admin', () => {
    expect(grantFor('interpreter', 'r_room')).toEqual(grantFor('citizen', 'r_room'));
    expect(grantFor('interpreter', 'r_room').canPublishData).toBe(true);
  });
});

describe('grantFor', () => {
  it('lets a citizen publish camera and microphone in one room, nothing more', () => {
    const g = grantFor('citizen', 'r_room');
    expect(g).toMatchObject({
      room: 'r_room',
      roomJoin: true,
      roomAdmin: false,
      roomCreate: false,
      roomList: false,
      roomRecord: false,
      recorder: false,
      canSubscribe: true,
      // Only for the link-quality reports the counsellor's indicator shows.
      canPublishData: true,
    });
    expect(g.canPublishSources).toEqual(['camera', 'microphone']);
  });

  it('makes a counsellor admin of that one room, with screen sharing, never recording', () => {
    const g = grantFor('counsellor', 'r_room');
    expect(g).toMatchObject({
      room: 'r_room',
      roomAdmin: true,
      roomCreate: false,
      roomList: false,
      roomRecord: false,
      canPublishData: false,
    });
    expect(g.canPublishSources).toEqual(['camera', 'microphone', 'screen_share', 'screen_share_audio']);
  });

  it('keeps tokens short-lived and rooms at two seats, three with an interpreter', () => {
    expect(TOKEN_TTL_SECONDS).toBeLessThanOrEqual(600);
    expect(roomCapacity()).toBe(2);
    expect(roomCapacity({ interpreter: true })).toBe(3);
  });
});

describe('derivePresence', () => {
  const t = (m: number) => new Date(Date.UTC(2026, 11, 3, 9, m));
  it.each([
    ['nobody joined', {}, null, false, false, false],
    ['the citizen waits', { citizen: { event: 'joined' as const, at: t(1) } }, null, true, false, true],
    [
      'both are in',
      { citizen: { event: 'joined' as const, at: t(1) }, counsellor: { event: 'joined' as const, at: t(2) } },
      null,
      true,
      true,
      false,
    ],
    ['the citizen left', { citizen: { event: 'left' as const, at: t(3) } }, null, false, false, false],
    [
      'the room finished after the join',
      { citizen: { event: 'joined' as const, at: t(1) } },
      t(5),
      false,
      false,
      false,
    ],
    [
      'a new room after an old one finished',
      { citizen: { event: 'joined' as const, at: t(6) } },
      t(5),
      true,
      false,
      true,
    ],
  ])('%s', (_label, latest, finishedAt, citizen, counsellor, waiting) => {
    const p = derivePresence(latest, finishedAt);
    expect([p.citizen.present, p.counsellor.present, p.citizenWaiting]).toEqual([
      citizen,
      counsellor,
      waiting,
    ]);
  });
});

describe('toRoomRecord', () => {
  const room = { sid: 'RM_1', name: 'r_x', creationTime: 1_800_000_000n, numParticipants: 1 };
  const received = new Date('2026-12-03T09:00:00Z');
  it('maps a participant join to the booking its identity names', () => {
    const r = toRoomRecord(
      {
        id: 'EV_1',
        event: 'participant_joined',
        createdAt: 1_800_000_010n,
        room,
        participant: { identity: citizenIdentity(B) },
      },
      received,
    );
    expect(r).toMatchObject({ kind: 'participant', event: 'joined', role: 'citizen', identityBookingId: B });
    expect(r.kind === 'participant' && r.at.toISOString()).toBe(new Date(1_800_000_010_000).toISOString());
  });

  it('ignores track events and events without a room', () => {
    expect(toRoomRecord({ id: 'EV_2', event: 'track_published', createdAt: 1n, room }, received).kind).toBe(
      'ignored',
    );
    expect(toRoomRecord({ id: 'EV_3', event: 'room_started', createdAt: 1n }, received).kind).toBe('ignored');
  });

  it('uses the receive time when LiveKit sent no timestamp', () => {
    const r = toRoomRecord({ id: 'EV_4', event: 'room_finished', createdAt: 0n, room }, received);
    expect(r).toMatchObject({ kind: 'room_finished', at: received });
  });
});
