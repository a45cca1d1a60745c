// The blur model tooling: npm's selfie model is refused by @mediapipe/tasks-vision, the one with the metadata
// written by scripts/segmenter-metadata.py loads in Chromium and tells a figure from its background.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEGMENTER_SOURCE, segmenterModel } from '../../scripts/segmenter-model.mjs';
import { launchBrowser, systemMissingReason } from './lib/system.ts';

const skip = systemMissingReason();
const VISION = 'node_modules/@mediapipe/tasks-vision';

/** The page segments a drawn figure (head and shoulders before a wall) and reports mean confidences. */
const PAGE = `<!doctype html><canvas id="c" width="256" height="144"></canvas><script type="module">
import { ImageSegmenter } from '/vision_bundle.mjs';
window.segment = async (model) => {
  const seg = await ImageSegmenter.createFromOptions(
    { wasmLoaderPath: '/vision_wasm_internal.js', wasmBinaryPath: '/vision_wasm_internal.wasm' },
    { baseOptions: { modelAssetPath: '/' + model, delegate: 'CPU' }, runningMode: 'IMAGE', outputConfidenceMasks: true },
  );
  const c = document.getElementById('c');
  const x = c.getContext('2d');
  // A light wall; dark shoulders, neck, face, hair and eyes.
  x.fillStyle = '#ddd8cc'; x.fillRect(0, 0, 256, 144);
  x.fillStyle = '#345'; x.beginPath(); x.ellipse(128, 150, 75, 50, 0, 0, 7); x.fill();
  x.fillStyle = '#e0ac8a'; x.fillRect(116, 80, 24, 25); x.beginPath(); x.ellipse(128, 62, 24, 30, 0, 0, 7); x.fill();
  x.fillStyle = '#3a2a1a'; x.beginPath(); x.ellipse(128, 42, 26, 16, 0, Math.PI, 0); x.fill();
  x.fillStyle = '#222'; x.fillRect(117, 58, 6, 4); x.fillRect(133, 58, 6, 4);
  const r = seg.segment(c);
  const m = r.confidenceMasks[0];
  const a = m.getAsFloat32Array();
  const mean = (x0, y0, x1, y1) => {
    let s = 0, n = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) { s += a[y * m.width + x]; n++; }
    return s / n;
  };
  const out = { width: m.width, height: m.height, figure: mean(110, 45, 146, 75), body: mean(90, 120, 166, 144), wall: mean(0, 0, 40, 40) };
  r.close(); seg.close();
  return out;
};
</script>`;

describe.skipIf(skip)('segmentation model for @mediapipe/tasks-vision', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const files: Record<string, [string, string]> = {
      '/vision_bundle.mjs': [`${VISION}/vision_bundle.mjs`, 'text/javascript'],
      '/vision_wasm_internal.js': [`${VISION}/wasm/vision_wasm_internal.js`, 'text/javascript'],
      '/vision_wasm_internal.wasm': [`${VISION}/wasm/vision_wasm_internal.wasm`, 'application/wasm'],
      '/raw.tflite': [SEGMENTER_SOURCE, 'application/octet-stream'],
      '/with-metadata.tflite': [segmenterModel(), 'application/octet-stream'],
    };
    server = createServer((req, res) => {
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
        return;
      }
      const file = files[req.url ?? ''];
      if (!file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': file[1] }).end(readFileSync(file[0]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const segment = (model: string) =>
    page.evaluate(
      (m) =>
        (
          window as unknown as {
            segment: (
              m: string,
            ) => Promise<{ width: number; height: number; figure: number; body: number; wall: number }>;
          }
        ).segment(m),
      model,
    );

  it('refuses the npm model without metadata (why the metadata is written)', async () => {
    await expect(segment('raw.tflite')).rejects.toThrow(/NormalizationOptions/);
  });

  it('loads the model with metadata and separates the figure from the wall', async () => {
    const mask = await segment('with-metadata.tflite');
    expect({ width: mask.width, height: mask.height }).toEqual({ width: 256, height: 144 });
    expect(mask.figure).toBeGreaterThan(0.5);
    expect(mask.body).toBeGreaterThan(0.5);
    expect(mask.wall).toBeLessThan(0.5);
  });
});
