import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '@vad/core';
import { createSimulator } from '../create-simulator';
import { pickComponents } from './mixture';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('mixture', () => {
  it('maps draws to mutually exclusive intervals, remainder = none', () => {
    expect(pickComponents([0.05, 0.2, 0.69, 0.7, 0.99], [1, 1, 1, 1, 1], [0.2, 0.5])).toEqual([0, 1, 1, -1, -1]);
    expect(pickComponents([0.05], [0], [1])).toEqual([-1]);
  });

  it('keeps each sample’s chosen component and leaves the rest normal', () => {
    const config = {
      type: 'mixture',
      components: [
        { probability: 0.4, simulator: { type: 'weighted-noise' } },
        { probability: 0.3, simulator: { type: 'random-patch', blend: 'cutmix', minSize: 2 } },
      ],
    };
    const rng = createRng(11);
    rng.next(); // gates (p = 1) for 6 samples
    for (let i = 0; i < 5; i++) rng.next();
    const draws = Array.from({ length: 6 }, () => rng.next());
    const chosen = pickComponents(draws, [1, 1, 1, 1, 1, 1], [0.4, 0.3]);
    const [out, mask] = tf.tidy(() => {
      const clips = tf.fill([6, 3, 4, 4, 1], 0.5) as tf.Tensor5D;
      const result = createSimulator(config).simulate({ clips, masks: tf.ones([6, 3, 4, 4, 1]) as tf.Tensor5D, sigma: tf.scalar(1), rng: createRng(11), meta: [] });
      return [Array.from(result.clips.dataSync()), Array.from(result.mask.dataSync())];
    });
    chosen.forEach((k, b) => {
      const sampleMask = (mask ?? []).slice(b * 48, (b + 1) * 48);
      const sampleOut = (out ?? []).slice(b * 48, (b + 1) * 48);
      if (k === -1) {
        expect(sampleMask.every((v) => v === 0)).toBe(true);
        expect(sampleOut.every((v) => v === 0.5)).toBe(true);
      }
      if (k === 0) expect(sampleMask.every((v) => v === 1)).toBe(true); // noise covers the whole mask
    });
    expect(new Set(chosen).size).toBeGreaterThan(1); // this seed exercises more than one branch
  });

  it('rejects probabilities summing above 1 and validates nested simulators with their path', () => {
    const over = { type: 'mixture', components: [{ probability: 0.7, simulator: { type: 'perlin' } }, { probability: 0.6, simulator: { type: 'perlin' } }] };
    expect(() => createSimulator(over)).toThrow('simulator.components must have probabilities summing to at most 1 (they sum to 1.3), but got array of length 2');
    const nested = { type: 'mixture', components: [{ probability: 0.5, simulator: { type: 'perlin', threshold: 3 } }] };
    expect(() => createSimulator(nested)).toThrow('simulator.components.0.simulator.threshold must be a number in [-1, 1], but got 3');
  });
});
