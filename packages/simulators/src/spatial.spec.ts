import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@vad/core';
import { createSimulator } from './create-simulator';
import { patchWeight } from './patch-weight';
import { perlinNoise } from './perlin-noise';
import { rasterise } from './raster';
import { frameBoxes, unionBox } from './regions';
import { randomPatchOptions, walkPatches } from './plugins/random-patch';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function row(blend: Parameters<typeof patchWeight>[0], x: number, width: number, size: number): number[] {
  return Array.from(patchWeight(blend, { y: 0, x, height: 1, width }, 1, size, new Float32Array(size))).map((v) => Math.round(v * 1000) / 1000);
}

describe('patch weights (LNTRA blends)', () => {
  it('cutmix, mixup and smoothmix-box by hand', () => {
    expect(row('cutmix', 2, 3, 7)).toEqual([0, 0, 1, 1, 1, 0, 0]);
    expect(row('mixup', 2, 3, 7)).toEqual([0, 0, 0.5, 0.5, 0.5, 0, 0]);
    // side 20 → ramp width round(0.1·20/2) = 1 px at weight 1 − 1/2 = 0.5 (the 1-row axis is fully inside)
    expect(row('smoothmix-box', 2, 20, 24).slice(0, 4)).toEqual([0, 0.5, 1, 1]);
    expect(row('smoothmix-box', 2, 20, 24).slice(20)).toEqual([1, 1, 0.5, 0]);
  });

  it('smoothmix-gaussian: exp(−z²/2) with σ = side, cut beyond 3σ', () => {
    const values = Array.from(patchWeight('smoothmix-gaussian', { y: 0, x: 0, height: 1, width: 1 }, 1, 5, new Float32Array(5)));
    const dy = Math.exp(-0.5 * 0 ** 2); // row centre y = 0.5 is the patch centre
    expect(values[0]).toBeCloseTo(dy, 6);
    expect(values[1]).toBeCloseTo(Math.exp(-0.5), 6);
    expect(values[3]).toBeCloseTo(Math.exp(-4.5), 6); // z = 3 is kept (≥ floor)
    expect(values[4]).toBe(0); // z = 4
  });
});

describe('random-patch', () => {
  it('walks inside the object box by at most β px per frame', () => {
    const options = randomPatchOptions.parse({ type: 'random-patch', minSize: 2, beta: 3, alpha: 0.5 });
    const area = { y0: 4, x0: 2, y1: 14, x1: 12 };
    const patches = walkPatches(createRng(5), area, 6, options);
    patches.forEach((patch, t) => {
      expect(patch.y).toBeGreaterThanOrEqual(4);
      expect(patch.y + patch.height).toBeLessThanOrEqual(14);
      expect(patch.x + patch.width).toBeLessThanOrEqual(12);
      expect(patch.height).toBeGreaterThanOrEqual(2);
      const previous = patches[t - 1];
      if (previous !== undefined) expect(Math.abs(patch.y - previous.y)).toBeLessThanOrEqual(3);
    });
  });

  it('cutmix pastes the other sample exactly at σ = 1 (batch intruder)', () => {
    const [out, mask] = tf.tidy(() => {
      const clips = tf.concat([tf.fill([1, 3, 8, 8, 1], 0.1), tf.fill([1, 3, 8, 8, 1], 0.9)], 0) as tf.Tensor5D;
      const masks = tf.ones([2, 3, 8, 8, 1]) as tf.Tensor5D;
      const simulator = createSimulator({ type: 'random-patch', blend: 'cutmix', minSize: 2 });
      const result = simulator.simulate({ clips, masks, sigma: tf.scalar(1), rng: createRng(2), meta: [] });
      return [Array.from(result.clips.dataSync()), Array.from(result.mask.dataSync())];
    });
    (out ?? []).forEach((value, i) => {
      const sample = i < 192 ? 0 : 1;
      const pasted = (mask ?? [])[i] === 1;
      expect(value).toBeCloseTo(pasted ? [0.9, 0.1][sample] ?? 0 : [0.1, 0.9][sample] ?? 0, 6);
    });
  });
});

describe('regions and raster', () => {
  it('finds per-frame boxes and their union', () => {
    const mask = new Float32Array(2 * 16);
    mask[1 * 4 + 2] = 1; // frame 0: (1, 2)
    mask[16 + 3 * 4 + 0] = 1; // frame 1: (3, 0)
    const boxes = frameBoxes(mask, { batch: 1, frames: 2, height: 4, width: 4 })[0] ?? [];
    expect(boxes).toEqual([{ y0: 1, x0: 2, y1: 2, x1: 3 }, { y0: 3, x0: 0, y1: 4, x1: 1 }]);
    expect(unionBox(boxes)).toEqual({ y0: 1, x0: 0, y1: 4, x1: 3 });
  });

  it('rasterises an ellipse and a thick segment at pixel centres', () => {
    const covered: string[] = [];
    rasterise([{ kind: 'ellipse', radiusV: 1, radiusU: 1 }], { cy: 2.5, cx: 2.5, halfHeight: 1.2, halfWidth: 1.2, angle: 0 }, 5, 5, (y, x) => covered.push(`${y},${x}`));
    expect(covered.sort()).toEqual(['1,2', '2,1', '2,2', '2,3', '3,2']); // edges at 1/1.2 ≤ 1, corners at √2/1.2 > 1
    const line: number[] = [];
    rasterise([{ kind: 'segment', from: [0, -1], to: [0, 1], width: 0.5 }], { cy: 0.5, cx: 2.5, halfHeight: 2, halfWidth: 2, angle: 0 }, 1, 6, (_y, x) => line.push(x));
    expect(line).toEqual([0, 1, 2, 3, 4]); // u = (x − 2)/2 within 0.25 of [−1, 1] (round caps) ⇒ x ∈ [−0.5, 4.5]
  });
});

describe('perlin', () => {
  it('noise is zero on lattice points and bounded', () => {
    const noise = perlinNoise(createRng(1), 4, 4);
    expect(noise(0, 0)).toBeCloseTo(0, 12);
    expect(noise(2, 3)).toBeCloseTo(0, 12);
    const samples = Array.from({ length: 200 }, (_, i) => noise(i * 0.037, i * 0.061));
    expect(Math.max(...samples.map(Math.abs))).toBeLessThan(0.75);
    expect(new Set(samples).size).toBeGreaterThan(100);
  });

  it('finds a region inside a small mask even when the threshold is never crossed', () => {
    const mask = tf.tidy(() => {
      const masks = tf.pad(tf.ones([1, 1, 3, 3, 1]), [[0, 0], [0, 0], [2, 3], [2, 3], [0, 0]]) as tf.Tensor5D; // 3×3 box in 8×8
      const simulator = createSimulator({ type: 'perlin', threshold: 0.99 });
      const result = simulator.simulate({ clips: tf.zeros([1, 1, 8, 8, 1]) as tf.Tensor5D, masks, sigma: tf.scalar(1), rng: createRng(4), meta: [] });
      return Array.from(result.mask.dataSync());
    });
    const inside = mask.filter((v, i) => v === 1 && Math.floor(i / 8) >= 2 && Math.floor(i / 8) < 5 && i % 8 >= 2 && i % 8 < 5);
    expect(inside.length).toBe(mask.filter((v) => v === 1).length);
    expect(inside.length).toBeGreaterThanOrEqual(1); // top 10 % of 9 pixels
  });
});

describe('foreign-shapes', () => {
  it('paints opaque shapes at σ = 1, only inside the object box', () => {
    const [out, mask] = tf.tidy(() => {
      const masks = tf.pad(tf.ones([1, 3, 8, 8, 1]), [[0, 0], [0, 0], [4, 4], [4, 4], [0, 0]]) as tf.Tensor5D;
      const simulator = createSimulator({ type: 'foreign-shapes', kinds: ['ellipse'], textures: ['flat'], size: [1, 1], speed: 0 });
      const result = simulator.simulate({ clips: tf.fill([1, 3, 16, 16, 3], -1) as tf.Tensor5D, masks, sigma: tf.scalar(1), rng: createRng(8), meta: [] });
      return [Array.from(result.clips.dataSync()), Array.from(result.mask.dataSync())];
    });
    const painted = (out ?? []).filter((v, i) => (mask ?? [])[Math.floor(i / 3)] === 1);
    expect(painted.length).toBeGreaterThan(3 * 3 * 10); // an ellipse ≥ half the 8×8 box per frame
    expect(painted.every((v) => v >= 0 && v <= 1)).toBe(true); // colours replaced the −1 background
    (mask ?? []).forEach((m, i) => {
      const [y, x] = [Math.floor(i / 16) % 16, i % 16];
      if (m === 1) expect(y >= 4 && y < 12 && x >= 4 && x < 12).toBe(true);
    });
    // speed 0, flat texture: the three frames are identical
    const frame = (t: number): number[] => (out ?? []).slice(t * 768, (t + 1) * 768);
    expect(frame(1)).toEqual(frame(0));
    expect(frame(2)).toEqual(frame(0));
  });
});
