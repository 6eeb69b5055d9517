import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@vad/core';
import { createSimulator } from '../create-simulator';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// 2 clips × 3 frames × 4×4 × 1, value 0.2; mask = left half of every frame.
const shape: [number, number, number, number, number] = [2, 3, 4, 4, 1];
const maskData = Float32Array.from({ length: 96 }, (_, i) => (i % 4 < 2 ? 1 : 0));

describe('weighted-noise', () => {
  it('computes eq. 1–2 against the same seeded uniform noise', () => {
    const simulator = createSimulator({ type: 'weighted-noise' });
    const result = tf.tidy(() => {
      const clips = tf.fill(shape, 0.2) as tf.Tensor5D;
      const masks = tf.tensor5d(maskData, shape);
      const out = simulator.simulate({ clips, masks, sigma: tf.scalar(0.25), rng: createRng(9), meta: [] });
      const rng = createRng(9);
      rng.next(); // the two gate draws (p = 1)
      rng.next();
      const noise = tf.randomUniform(shape, 0, 1, 'float32', rng.nextSeed()).dataSync();
      return { out: out.clips.dataSync(), mask: out.mask.dataSync(), noise };
    });
    result.out.forEach((value, i) => {
      const inside = maskData[i] === 1;
      const expected = inside ? 0.75 * 0.2 + 0.25 * (result.noise[i] ?? 0) : 0.2;
      expect(value).toBeCloseTo(expected, 6);
    });
    expect(Array.from(result.mask)).toEqual(Array.from(maskData));
  });

  it('adds clipped Gaussian noise scaled by σ and leaves p = 0 samples alone', () => {
    const out = tf.tidy(() => {
      const clips = tf.fill(shape, 0.5) as tf.Tensor5D;
      const masks = tf.ones(shape) as tf.Tensor5D;
      const simulator = createSimulator({ type: 'weighted-noise', noise: 'gaussian', std: 0.1, p: 0 });
      const result = simulator.simulate({ clips, masks, sigma: tf.scalar(1), rng: createRng(1), meta: [] });
      return [result.clips.dataSync(), result.mask.dataSync()];
    });
    expect(Array.from(out[0] ?? [])).toEqual(new Array(96).fill(0.5));
    expect(Array.from(out[1] ?? [])).toEqual(new Array(96).fill(0));
  });

  it('gives σ·(A − X) inside the mask with Gaussian noise, never leaving [0, 1]', () => {
    const values = tf.tidy(() => {
      const clips = tf.fill(shape, 0.95) as tf.Tensor5D;
      const simulator = createSimulator({ type: 'weighted-noise', noise: 'gaussian', std: 0.5 });
      return simulator.simulate({ clips, masks: tf.ones(shape) as tf.Tensor5D, sigma: tf.scalar(1), rng: createRng(2), meta: [] }).clips.dataSync();
    });
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(values.some((v) => v === 1)).toBe(true); // clipped draws exist at std 0.5 around 0.95
  });
});
