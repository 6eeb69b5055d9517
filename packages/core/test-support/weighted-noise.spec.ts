import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../src/rng';
import { createWeightedNoiseSimulator } from './weighted-noise';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const clips = (): tf.Tensor5D => tf.tensor5d(Array.from({ length: 24 }, (_, i) => (i % 7) / 7), [1, 3, 2, 2, 2]);
const masks = (): tf.Tensor5D => tf.tensor5d([1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1], [1, 3, 2, 2, 1]);
const run = (sigma: number, seed: number) =>
  createWeightedNoiseSimulator().simulate({ clips: clips(), masks: masks(), sigma: tf.scalar(sigma), rng: createRng(seed), meta: [] });

describe('createWeightedNoiseSimulator', () => {
  it('implements eq. 1–2: inside the mask (1 − σ)·X + σ·A, outside X; σ = 0 is the identity', () => {
    const x = clips().dataSync();
    const m = masks().dataSync();
    const noise = run(1, 5).clips.dataSync(); // σ = 1: A inside the mask
    const half = run(0.5, 5).clips.dataSync();
    for (let i = 0; i < x.length; i++) {
      const inside = m[Math.floor(i / 2)] === 1;
      expect(half[i]).toBeCloseTo(inside ? 0.5 * x[i]! + 0.5 * noise[i]! : x[i]!, 6);
      if (inside) expect(noise[i]! >= 0 && noise[i]! < 1).toBe(true);
    }
    expect(Array.from(run(0, 5).clips.dataSync())).toEqual(Array.from(x));
  });

  it('returns the mask and the normal middle frame, is seeded, and differentiable in σ', () => {
    const r = run(0.5, 5);
    expect(Array.from(r.mask.dataSync())).toEqual(Array.from(masks().dataSync()));
    expect(Array.from(r.target.dataSync())).toEqual(Array.from(clips().dataSync().slice(8, 16)));
    expect(Array.from(run(0.5, 5).clips.dataSync())).toEqual(Array.from(r.clips.dataSync()));
    expect(Array.from(run(0.5, 6).clips.dataSync())).not.toEqual(Array.from(r.clips.dataSync()));
    const noise = run(1, 5).clips;
    const grad = tf.grad((s: tf.Tensor) =>
      tf.sum(createWeightedNoiseSimulator().simulate({ clips: clips(), masks: masks(), sigma: s as tf.Scalar, rng: createRng(5), meta: [] }).clips),
    )(tf.scalar(0.3));
    // d/dσ Σ X_A = Σ M·(A − X)
    const expected = tf.sum(tf.mul(masks(), tf.sub(noise, clips()))).dataSync()[0]!;
    expect(grad.dataSync()[0]).toBeCloseTo(expected, 5);
  });

  it('does not leak tensors', () => {
    const x = clips();
    const m = masks();
    const s = tf.scalar(0.5);
    const sim = createWeightedNoiseSimulator();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      const r = sim.simulate({ clips: x, masks: m, sigma: s, rng: createRng(i), meta: [] });
      tf.dispose([r.clips, r.mask, r.target]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
