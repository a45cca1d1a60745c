// The background effect's self-protection: when frames are too slow it gives up, and blur falls back to pixelation
// where the canvas cannot blur.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUDGET_MS,
  effectiveMode,
  STALL_MS,
  tooSlow,
  WARM_UP_FRAMES,
  WINDOW_FRAMES,
} from '../../web/src/staff/call/frame-budget.ts';

const warm = Array(WARM_UP_FRAMES).fill(900);

describe('frame budget', () => {
  it.each([
    ['no frames yet', [], false],
    ['slow warm-up only (compiling)', warm, false],
    ['fast frames after a slow warm-up', [...warm, ...Array(30).fill(40)], false],
    ['too few slow frames to judge', [...warm, ...Array(WINDOW_FRAMES - 1).fill(200)], false],
    ['a full window of slow frames', [...warm, ...Array(WINDOW_FRAMES).fill(200)], true],
    [
      'one garbage-collection hiccup among fast frames',
      [...warm, ...Array(20).fill(40), 600, ...Array(5).fill(40)],
      false,
    ],
    ['mostly slow, median over budget', [...warm, ...Array(8).fill(220), ...Array(7).fill(50)], true],
    ['recovered: the last window is fast', [...warm, ...Array(15).fill(220), ...Array(15).fill(50)], false],
    ['one frozen frame', [...warm, 40, STALL_MS + 1], true],
  ] as const)('%s → %s', (_name, frames, expected) => {
    expect(tooSlow(frames, DEFAULT_BUDGET_MS)).toBe(expected);
  });

  it('follows a tighter budget', () => {
    const frames = [...warm, ...Array(WINDOW_FRAMES).fill(60)];
    expect(tooSlow(frames, 100)).toBe(false);
    expect(tooSlow(frames, 50)).toBe(true);
  });

  it.each([
    ['blur', true, 'blur'],
    ['blur', false, 'pixelate'],
    ['pixelate', false, 'pixelate'],
    ['off', false, 'off'],
  ] as const)('%s with canvas blur %s draws %s', (mode, works, expected) => {
    expect(effectiveMode(mode, works)).toBe(expected);
  });
});
