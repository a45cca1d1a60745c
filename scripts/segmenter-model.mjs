// Prepares the background-blur segmentation model for @mediapipe/tasks-vision: the npm-shipped selfie model with
// the image-segmenter metadata added (scripts/segmenter-metadata.py), cached by the source's content hash.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

export const SEGMENTER_SOURCE =
  'node_modules/@mediapipe/selfie_segmentation/selfie_segmentation_landscape.tflite';
const CACHE = 'node_modules/.cache/beratungsraum-segmenter';
const PYTHON = '.venv-segmenter/bin/python';

/** Path of the model with metadata, built on first use (installing tflite-support by scripts/setup-segmenter.sh). */
export function segmenterModel(source = SEGMENTER_SOURCE) {
  const script = readFileSync('scripts/segmenter-metadata.py');
  const key = createHash('sha256').update(readFileSync(source)).update(script).digest('hex').slice(0, 16);
  const target = join(CACHE, `selfie_segmenter_${key}.tflite`);
  if (existsSync(target)) return target;
  // First build on a fresh clone: install the metadata tool (PyPI, into .venv-segmenter/) by itself, so
  // `npm ci && npm start` needs no extra step.
  if (!existsSync(PYTHON)) execFileSync('bash', ['scripts/setup-segmenter.sh'], { stdio: 'inherit' });
  mkdirSync(CACHE, { recursive: true });
  // Written beside and renamed so parallel builds never copy a half-written model.
  const partial = `${target}.${process.pid}.part`;
  execFileSync(PYTHON, ['scripts/segmenter-metadata.py', source, partial], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  renameSync(partial, target);
  return target;
}
