// When the background effect costs too much: pure rules over measured frame times, and which effect a browser can do.
import type { BackgroundMode } from './background.ts';

/** Frames skipped before judging: the first ones include compiling the WebAssembly and GPU shaders. */
export const WARM_UP_FRAMES = 5;
/** Frames judged together; one slow frame (a garbage collection) is no reason to switch off. */
export const WINDOW_FRAMES = 15;
/** Median time per frame above which the video stutters (under ~7 frames a second) and the CPU is saturated. */
export const DEFAULT_BUDGET_MS = 150;
/** A single frame this slow freezes the picture visibly: switch off at once. */
export const STALL_MS = 1500;

/**
 * Whether the effect must be switched off, from the frame times measured so far (oldest first).
 * @example tooSlow([...Array(5).fill(40), ...Array(15).fill(200)], 150) // true
 */
export function tooSlow(frameMs: readonly number[], budgetMs = DEFAULT_BUDGET_MS): boolean {
  const judged = frameMs.slice(WARM_UP_FRAMES);
  if (judged.some((ms) => ms >= Math.max(STALL_MS, budgetMs))) return true;
  if (judged.length < WINDOW_FRAMES) return false;
  const recent = [...judged.slice(-WINDOW_FRAMES)].sort((a, b) => a - b);
  return recent[Math.floor(recent.length / 2)]! > budgetMs;
}

/**
 * The effect actually drawn: blur needs `CanvasRenderingContext2D.filter` (missing in Safari), pixelation does not.
 * @example effectiveMode('blur', false) // 'pixelate'
 */
export function effectiveMode(mode: BackgroundMode, filterWorks: boolean): BackgroundMode {
  return mode === 'blur' && !filterWorks ? 'pixelate' : mode;
}
