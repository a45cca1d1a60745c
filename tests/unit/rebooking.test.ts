import { describe, expect, it } from 'vitest';
import { type LiveSession, pickBookingsToFlag } from '../../functions/capacity/rebooking.ts';

const T = Date.parse('2026-12-03T09:00:00Z');
const min = 60_000;
const session = (
  id: string,
  startMin: number,
  endMin: number,
  over: Partial<LiveSession> = {},
): LiveSession => ({
  id,
  start: T + startMin * min,
  end: T + endMin * min,
  kind: 'scheduled',
  createdAt: Number(id.replace(/\D/g, '')),
  flagged: false,
  movable: true,
  ...over,
});
const bucket = (startMin: number, capacity: number, reserve = 0) => ({
  start: T + startMin * min,
  capacity,
  reserve,
});

describe('pickBookingsToFlag', () => {
  it.each<{
    name: string;
    buckets: ReturnType<typeof bucket>[];
    sessions: LiveSession[];
    expected: string[];
  }>([
    {
      name: 'flags the most recently made booking when one too many share a bucket',
      buckets: [bucket(0, 1)],
      sessions: [session('b1', 0, 30), session('b2', 0, 30)],
      expected: ['b2'],
    },
    {
      name: 'flags nothing more when an earlier flag already resolves the overflow',
      buckets: [bucket(0, 1)],
      sessions: [session('b1', 0, 30), session('b2', 0, 30, { flagged: true })],
      expected: [],
    },
    {
      name: 'counts one flag for every bucket the booking covers',
      buckets: [bucket(0, 1), bucket(5, 1), bucket(10, 1)],
      sessions: [session('b1', 0, 30), session('b2', 0, 15)],
      expected: ['b2'],
    },
    {
      name: 'keeps the ad-hoc reserve free',
      buckets: [bucket(0, 2, 1)],
      sessions: [session('b1', 0, 30), session('b2', 0, 30)],
      expected: ['b2'],
    },
    {
      name: 'never flags ad-hoc sessions, only scheduled ones',
      buckets: [bucket(0, 1)],
      sessions: [session('a9', 0, 30, { kind: 'adhoc' }), session('b1', 0, 30)],
      expected: ['b1'],
    },
    {
      name: 'flags everything scheduled when capacity drops to zero',
      buckets: [bucket(0, 0), bucket(30, 0)],
      sessions: [session('b1', 0, 30), session('b2', 30, 60), session('b3', 60, 90)],
      expected: ['b1', 'b2'],
    },
    {
      name: 'leaves a running appointment alone and flags a movable one',
      buckets: [bucket(0, 1)],
      sessions: [session('b5', 0, 30, { movable: false }), session('b1', 0, 30)],
      expected: ['b1'],
    },
    {
      name: 'counts an off-grid session in the buckets it touches',
      buckets: [bucket(10, 1)],
      sessions: [session('b1', 7, 12, { kind: 'adhoc' }), session('b2', 10, 40)],
      expected: ['b2'],
    },
  ])('$name', ({ buckets, sessions, expected }) => {
    expect(pickBookingsToFlag(buckets, sessions)).toEqual(expected);
  });
});
