// Background blur / pixelation for the counsellor's camera: a LiveKit track processor that segments each frame
// with @mediapipe/tasks-vision's ImageSegmenter (module, WebAssembly and model served by this system, never a CDN)
// and composites the person over a blurred or pixelated copy of the frame on a canvas, whose captured track is
// published.
import type { ImageSegmenter, ImageSegmenterResult } from '@mediapipe/tasks-vision';
import type { Track, TrackProcessor, VideoProcessorOptions } from 'livekit-client';
import { DEFAULT_BUDGET_MS, effectiveMode, tooSlow } from './frame-budget.ts';

export type BackgroundMode = 'off' | 'blur' | 'pixelate';

/** Where the segmentation module, its WebAssembly and the model live: this system's own static files. */
export const MEDIAPIPE_BASE = '/static/mediapipe/';
const FRAME_MS = 1000 / 15;
const BLUR_PX = 16;
const PIXEL_BLOCK = 16;

type VisionModule = typeof import('@mediapipe/tasks-vision');

let moduleLoad: Promise<VisionModule> | null = null;

/** Loads tasks-vision once from this system's origin; it stays out of the dashboard bundle (150 KB). */
function loadVision(): Promise<VisionModule> {
  const url = `${MEDIAPIPE_BASE}vision_bundle.mjs`;
  moduleLoad ??= (import(url) as Promise<VisionModule>).catch(() => {
    moduleLoad = null;
    throw new Error('segmentation_unavailable');
  });
  return moduleLoad;
}

/** A segmenter on the CPU (XNNPACK): the mask is read back every frame anyway, and it needs no WebGL. */
async function createSegmenter(): Promise<ImageSegmenter> {
  const { ImageSegmenter } = await loadVision();
  return ImageSegmenter.createFromOptions(
    {
      wasmLoaderPath: `${MEDIAPIPE_BASE}vision_wasm_internal.js`,
      wasmBinaryPath: `${MEDIAPIPE_BASE}vision_wasm_internal.wasm`,
    },
    {
      baseOptions: { modelAssetPath: `${MEDIAPIPE_BASE}selfie_segmenter.tflite`, delegate: 'CPU' },
      runningMode: 'VIDEO',
      outputConfidenceMasks: true,
      outputCategoryMask: false,
    },
  );
}

/** Writes the person confidence (0..1) into the alpha channel of `canvas`, at the model's resolution. */
function paintMask(result: ImageSegmenterResult, canvas: HTMLCanvasElement): boolean {
  const mask = result.confidenceMasks?.[0];
  if (!mask) return false;
  const { width, height } = mask;
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const confidence = mask.getAsFloat32Array();
  const pixels = new ImageData(width, height);
  for (let i = 0; i < confidence.length; i++) pixels.data[i * 4 + 3] = (confidence[i] ?? 0) * 255;
  canvas.getContext('2d')!.putImageData(pixels, 0, 0);
  return true;
}

let filterWorks: boolean | null = null;

/**
 * Whether this browser really blurs on a canvas: Safari has no `ctx.filter` (or ignores it), so a blurred dot is
 * drawn and its neighbour read back instead of trusting the property.
 */
export function canvasFilterWorks(): boolean {
  if (filterWorks !== null) return filterWorks;
  const canvas = document.createElement('canvas');
  canvas.width = 9;
  canvas.height = 9;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx || !('filter' in ctx)) {
    filterWorks = false;
    return false;
  }
  const dot = document.createElement('canvas');
  dot.width = 9;
  dot.height = 9;
  const dotCtx = dot.getContext('2d')!;
  dotCtx.fillStyle = '#fff';
  dotCtx.fillRect(4, 4, 1, 1);
  ctx.filter = 'blur(2px)';
  ctx.drawImage(dot, 0, 0);
  filterWorks = (ctx.getImageData(2, 4, 1, 1).data[3] ?? 0) > 0;
  return filterWorks;
}

export interface ProcessorHooks {
  /** The budget per frame in milliseconds (the session's, so it can be tightened while running). */
  budgetMs?: () => number;
  /** Called once when frames take too long; the session then switches the effect off and says so. */
  onTooSlow?: () => void;
}

export interface BackgroundProcessor extends TrackProcessor<Track.Kind.Video, VideoProcessorOptions> {
  mode: BackgroundMode;
}

/** A processor whose `mode` (blur or pixelate) may change while it runs. */
export function createBackgroundProcessor(
  initial: Exclude<BackgroundMode, 'off'>,
  hooks: ProcessorHooks = {},
): BackgroundProcessor {
  const blurs = canvasFilterWorks();
  const frameMs: number[] = [];
  let gaveUp = false;
  const output = document.createElement('canvas');
  const ctx = output.getContext('2d')!;
  const small = document.createElement('canvas');
  const smallCtx = small.getContext('2d')!;
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  const maskCanvas = document.createElement('canvas');
  let segmenter: ImageSegmenter | null = null;
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const draw = (mask: CanvasImageSource) => {
    const w = output.width;
    const h = output.height;
    ctx.save();
    ctx.globalCompositeOperation = 'copy';
    ctx.drawImage(mask, 0, 0, w, h);
    // Keep the camera image only where the mask marks a person.
    ctx.globalCompositeOperation = 'source-in';
    ctx.drawImage(video, 0, 0, w, h);
    // Paint the altered background behind the person.
    ctx.globalCompositeOperation = 'destination-over';
    if (effectiveMode(processor.mode, blurs) === 'pixelate') {
      small.width = Math.max(1, Math.round(w / PIXEL_BLOCK));
      small.height = Math.max(1, Math.round(h / PIXEL_BLOCK));
      smallCtx.drawImage(video, 0, 0, small.width, small.height);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(small, 0, 0, w, h);
    } else {
      ctx.filter = `blur(${BLUR_PX}px)`;
      ctx.drawImage(video, 0, 0, w, h);
      ctx.filter = 'none';
    }
    ctx.restore();
  };

  const loop = async () => {
    if (!running || !segmenter) return;
    const started = performance.now();
    if (video.readyState >= 2 && video.videoWidth > 0) {
      if (output.width !== video.videoWidth || output.height !== video.videoHeight) {
        output.width = video.videoWidth;
        output.height = video.videoHeight;
      }
      try {
        // Masks are only valid inside the callback, so the frame is composited there.
        segmenter.segmentForVideo(video, started, (result) => {
          if (paintMask(result, maskCanvas)) draw(maskCanvas);
        });
      } catch {
        // A dropped frame; the next one tries again.
      }
      frameMs.push(performance.now() - started);
      if (frameMs.length > 64) frameMs.splice(0, frameMs.length - 64);
      if (!gaveUp && tooSlow(frameMs, hooks.budgetMs?.() ?? DEFAULT_BUDGET_MS)) {
        gaveUp = true;
        hooks.onTooSlow?.();
        return;
      }
    }
    if (running) timer = setTimeout(loop, Math.max(0, FRAME_MS - (performance.now() - started)));
  };

  const start = async (opts: VideoProcessorOptions) => {
    const settings = opts.track.getSettings();
    output.width = settings.width ?? 640;
    output.height = settings.height ?? 480;
    // Fill the canvas at once so the published track never starts black.
    ctx.fillStyle = '#333';
    ctx.fillRect(0, 0, output.width, output.height);
    video.srcObject = new MediaStream([opts.track]);
    await video.play().catch(() => undefined);
    segmenter ??= await createSegmenter();
    running = true;
    void loop();
  };

  const stop = () => {
    running = false;
    clearTimeout(timer);
    video.srcObject = null;
  };

  const processor: BackgroundProcessor = {
    name: 'background',
    mode: initial,
    processedTrack: output.captureStream(15).getVideoTracks()[0],
    init: start,
    restart: async (opts) => {
      stop();
      await start(opts);
    },
    destroy: async () => {
      stop();
      segmenter?.close();
      segmenter = null;
    },
  };
  return processor;
}
