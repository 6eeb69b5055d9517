import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli';
import { defaultGalleryRows, forceAnomaly } from './simulate';
import { cellOrigin, cropBox, drawFrame, galleryScene, gallerySigmas, renderGallery, shownClip } from './simulate-gallery';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Runs the CLI with stdout captured; returns the exit code and what it printed. */
async function run(args: string[]): Promise<{ code: number; stdout: string }> {
  const printed: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => printed.push(String(chunk)) > 0);
  const code = await main(args);
  write.mockRestore();
  return { code, stdout: printed.join('') };
}

describe('cropBox', () => {
  const dims = { frames: 2, height: 20, width: 20, channels: 3 };
  const maskOf = (pixels: [number, number, number][]): Float32Array => {
    const mask = new Float32Array(2 * 20 * 20);
    for (const [t, y, x] of pixels) mask[(t * 20 + y) * 20 + x] = 1;
    return mask;
  };

  it('squares the union box over frames and masks with a 50 % margin each side', () => {
    // union rows 8…11, columns 8…11 (4 × 4) → side 4·2 = 8, centre (10, 10) → origin (6, 6)
    const masks = [maskOf([[0, 8, 8], [0, 9, 9]]), maskOf([[1, 11, 11]])];
    expect(cropBox(masks, dims)).toEqual({ y0: 6, x0: 6, height: 8, width: 8 });
  });

  it('clamps into the frame, keeps at least 8 px and falls back to the whole frame', () => {
    // rows 0…3, columns 0…1 → side 8, centre (2, 1) → origin (−2, −3) clamped to (0, 0)
    expect(cropBox([maskOf([[0, 0, 0], [1, 3, 1]])], dims)).toEqual({ y0: 0, x0: 0, height: 8, width: 8 });
    // one pixel at (19, 19): side max(8, 2) = 8, origin clamped to 20 − 8 = 12
    expect(cropBox([maskOf([[1, 19, 19]])], dims)).toEqual({ y0: 12, x0: 12, height: 8, width: 8 });
    expect(cropBox([maskOf([])], dims)).toEqual({ y0: 0, x0: 0, height: 20, width: 20 });
  });
});

describe('drawFrame', () => {
  it('upscales the crop by nearest neighbour and outlines the mask just outside it', () => {
    const dims = { frames: 1, height: 6, width: 6, channels: 1 };
    const frames = Float32Array.from({ length: 36 }, (_, k) => k / 35); // source (y, x) = (6y + x) / 35
    const mask = new Float32Array(36);
    mask[2 * 6 + 2] = 1;
    const rgb = drawFrame(frames, mask, dims, { y0: 1, x0: 1, height: 3, width: 3 }, 0);
    const at = (y: number, x: number): number[] => Array.from(rgb.subarray((y * 6 + x) * 3, (y * 6 + x) * 3 + 3));
    expect(at(0, 0)).toEqual([51, 51, 51]); // source (1, 1) = 7/35
    expect(at(5, 5)).toEqual([153, 153, 153]); // source (3, 3) = 21/35
    expect(at(3, 3)).toEqual([102, 102, 102]); // source (2, 2) = 14/35, inside the mask
    const red = [];
    for (let y = 0; y < 6; y++) for (let x = 0; x < 6; x++) if (at(y, x).join() === '255,40,40') red.push(`${y},${x}`);
    expect(red).toEqual(['1,2', '1,3', '2,1', '2,4', '3,1', '3,4', '4,2', '4,3']);
  });
});

describe('forceAnomaly', () => {
  it('sets p = 1 where unset, scales default mixture components to sum 1 and keeps explicit values', async () => {
    expect(await forceAnomaly({ type: 'mixture' })).toEqual({
      type: 'mixture',
      p: 1,
      components: [
        { probability: 0.5, simulator: { type: 'random-patch', p: 1 } },
        { probability: 0.5, simulator: { type: 'skipped-frames', p: 1 } },
      ],
    });
    expect(await forceAnomaly({ type: 'mixture', p: 0.5, components: [{ probability: 0.3, simulator: { type: 'perlin', p: 0.2 } }, { probability: 0.7, simulator: { type: 'perlin' } }] })).toEqual({
      type: 'mixture',
      p: 0.5,
      components: [{ probability: 0.3, simulator: { type: 'perlin', p: 0.2 } }, { probability: 0.7, simulator: { type: 'perlin', p: 1 } }],
    });
    expect(await forceAnomaly({ type: 'nope', alpha: 2 })).toEqual({ type: 'nope', alpha: 2 });
  });
});

describe('vad simulate', () => {
  it('shows every built-in as a visible anomaly, zoomed on the object', async () => {
    const before = tf.memory().numTensors;
    const scene = galleryScene(32, 3, 0);
    const rows = await defaultGalleryRows();
    const { png, data } = await renderGallery(rows, scene, 0);
    expect(tf.memory().numTensors).toBe(before);
    const { data: pixels, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([170 + 5 * (3 * 32 + 2 * 2 + 8), 24 + rows.length * (32 + 8), 3]);
    const dims = { frames: 3, height: 32, width: 32, channels: 3 };
    const clip = 3 * 32 * 32 * 3;
    const shown = shownClip(scene);
    const original = scene.batch.clips.subarray(shown * clip, (shown + 1) * clip);
    data.forEach(({ box, cells }, r) => {
      const label = rows[r]?.label;
      expect([label, box.height === box.width, box.height < 32]).toEqual([label, true, true]);
      const { frames, mask } = cells[gallerySigmas.length - 1] ?? { frames: new Float32Array(0), mask: new Float32Array(0) }; // σ = 0.9
      let [changed, inBox, outOfBox] = [0, 0, 0];
      for (let k = 0; k < mask.length; k++) {
        const [y, x] = [Math.floor(k / 32) % 32, k % 32];
        const inside = y >= box.y0 && y < box.y0 + box.height && x >= box.x0 && x < box.x0 + box.width;
        if ((mask[k] ?? 0) > 0) [inBox, outOfBox] = inside ? [inBox + 1, outOfBox] : [inBox, outOfBox + 1];
        for (let ch = 0; ch < 3; ch++) if (inside) changed = Math.max(changed, Math.abs((frames[k * 3 + ch] ?? 0) - (original[k * 3 + ch] ?? 0)));
      }
      expect([label, inBox > 0, outOfBox, changed > 0.05]).toEqual([label, true, 0, true]);
      // the PNG's T frames of this cell are exactly the zoomed drawing, and differ from the σ-free original's
      const [drawn, plain, shownPng] = [[] as number[], [] as number[], [] as number[]];
      for (let f = 0; f < 3; f++) {
        const [left, top] = cellOrigin(r, gallerySigmas.length - 1, f, dims);
        for (let y = 0; y < 32; y++) shownPng.push(...pixels.subarray(((top + y) * info.width + left) * 3, ((top + y) * info.width + left + 32) * 3));
        drawn.push(...drawFrame(frames, mask, dims, box, f));
        plain.push(...drawFrame(original, null, dims, box, f));
      }
      expect(shownPng).toEqual(drawn);
      expect(shownPng).not.toEqual(plain);
    });
  });

  it('renders a config deterministically, keeps an explicit p and has a --full-frame view', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vad-simulate-'));
    const config = join(dir, 'sims.yaml');
    const plugin = fileURLToPath(new URL('../../../../examples/plugins/scanline-glitch.ts', import.meta.url));
    writeFileSync(config, `simulators:\n  - type: weighted-noise\n    p: 0\n  - type: ${plugin}\n`);
    const outs = ['a.png', 'b.png', 'full.png'].map((name) => join(dir, name));
    const first = await run(['simulate', '--config', config, '--size', '16', '--out', outs[0] ?? '']);
    const again = await run(['simulate', '--config', config, '--size', '16', '--out', outs[1] ?? '']);
    const full = await run(['simulate', '--config', config, '--size', '16', '--full-frame', '--out', outs[2] ?? '']);
    expect([first.code, again.code, full.code]).toEqual([0, 0, 0]);
    expect(first.stdout).toBe(
      `wrote ${outs[0]}: 2 simulator(s) × 5 σ values on the synthetic dataset, zoomed on the object (seed 0)\n` +
        'note: weighted-noise left the shown clip normal (empty mask) for seed 0: its p or mixture probabilities < 1, or no object in the clip\n',
    );
    const [a, b, whole] = outs.map((out) => readFileSync(out));
    expect(a?.equals(b ?? Buffer.alloc(0))).toBe(true);
    expect(a?.equals(whole ?? Buffer.alloc(0))).toBe(false);
    for (const out of outs) {
      const { width, height } = await sharp(out).metadata();
      expect([width, height]).toEqual([170 + 5 * (3 * 16 + 2 * 2 + 8), 24 + 2 * (16 + 8)]);
    }
  });

  it('reports a bad simulator in the config with its place and exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vad-simulate-'));
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'simulators:\n  - type: random-patch\n    alpha: 3\n');
    const errors: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => errors.push(String(chunk)) > 0);
    const code = await main(['simulate', '--config', config, '--out', join(dir, 'x.png')]);
    spy.mockRestore();
    expect(code).toBe(2);
    expect(errors.join('')).toBe(`${config}: simulators.0.alpha must be a number in (0, 1], but got 3\n`);
  });
});
