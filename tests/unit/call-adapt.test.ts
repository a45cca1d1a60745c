// The call's link judgement and mode changes with hysteresis: weak lines step down, good ones step back up
// slowly, a line at the edge does not flap, and the citizen's own choice is respected.
import { describe, expect, it } from 'vitest';
import {
  type AdaptState,
  adapt,
  INITIAL_ADAPT,
  judgeLink,
  OVERRIDE_HOLD_MS,
  overridden,
  STEP_UP_AFTER_MS,
} from '../../web/src/shared/call/adapt.ts';

describe('judgeLink', () => {
  it.each([
    [{ rttMs: 40, loss: 0, fps: 20 }, 'unknown', 'good'],
    [{ rttMs: 600, loss: 0, fps: 20 }, 'excellent', 'weak'],
    [{ rttMs: 410, loss: null, fps: null }, 'good', 'weak'],
    [{ rttMs: 100, loss: 0.1, fps: null }, 'good', 'weak'],
    [{ rttMs: 100, loss: 0, fps: 7 }, 'good', 'weak'],
    [{ rttMs: 300, loss: 0, fps: 15 }, 'good', 'fair'],
    [{ rttMs: 100, loss: 0.03, fps: 15 }, 'good', 'fair'],
    [{ rttMs: 100, loss: 0, fps: 10 }, 'good', 'fair'],
    [{ rttMs: 100, loss: 0, fps: 20 }, 'poor', 'fair'],
    [{ rttMs: 100, loss: 0, fps: 20 }, 'lost', 'weak'],
    [{ rttMs: null, loss: null, fps: null }, 'unknown', 'good'],
  ] as const)('%o with LiveKit score %s is %s', (sample, quality, health) => {
    expect(judgeLink(sample, quality)).toBe(health);
  });
});

/** Feeds one health reading every 2 s from `from` ms and returns the changes it made. */
function drive(
  start: 'standard' | 'saver' | 'audio',
  ceiling: 'standard' | 'saver' | 'audio',
  readings: ('good' | 'fair' | 'weak')[],
  state: AdaptState = INITIAL_ADAPT,
) {
  let mode = start;
  let st = state;
  const changes: string[] = [];
  readings.forEach((h, i) => {
    const now = i * 2000;
    const r = adapt(mode, ceiling, h, now, st);
    st = r.state;
    if (r.to) {
      changes.push(`${now / 1000}s:${r.to}`);
      mode = r.to;
    }
  });
  return changes;
}
const times = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);
/** The first 2-s tick (in s) at or after `ms`. */
const tickAt = (ms: number) => Math.ceil(ms / 2000) * 2;

describe('adapt', () => {
  it('steps from standard to data saver after 6 s of a weak line, to audio only 10 s later', () => {
    expect(drive('standard', 'standard', times(15, 'weak'))).toEqual(['6s:saver', '16s:audio']);
  });

  it('stays put while the line is only fair', () => {
    expect(drive('standard', 'standard', times(100, 'fair'))).toEqual([]);
  });

  it('does not step down for short weak spells between fair ones', () => {
    const flapping = times(40, ['weak', 'weak', 'fair'] as const).flat();
    expect(drive('standard', 'standard', flapping)).toEqual([]);
  });

  it('steps back up only after the line held for a while, and never above the chosen mode', () => {
    const afterOneDown = { ...INITIAL_ADAPT, downs: 1 };
    const steps = tickAt(STEP_UP_AFTER_MS) / 2;
    expect(drive('audio', 'saver', times(3 * steps + 2, 'good'), afterOneDown)).toEqual([
      `${tickAt(STEP_UP_AFTER_MS)}s:saver`,
    ]);
  });

  it('waits longer to step up after each step down', () => {
    const afterTwoDowns = { ...INITIAL_ADAPT, downs: 2 };
    const at = tickAt(2 * STEP_UP_AFTER_MS);
    expect(drive('audio', 'standard', times(at / 2, 'good'), afterTwoDowns)).toEqual([]);
    expect(drive('audio', 'standard', times(at / 2 + 1, 'good'), afterTwoDowns)).toEqual([`${at}s:saver`]);
  });

  it('leaves a mode the citizen chose alone for a while, then steps down again if the line stays weak', () => {
    const st = overridden(INITIAL_ADAPT, 0);
    const holdTicks = OVERRIDE_HOLD_MS / 2000;
    const changes = drive('standard', 'standard', times(holdTicks + 4, 'weak'), st);
    expect(changes).toEqual([`${OVERRIDE_HOLD_MS / 1000 + 6}s:saver`]);
  });

  it('never steps below audio only', () => {
    expect(drive('audio', 'audio', times(50, 'weak'))).toEqual([]);
  });
});
