import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import type { SimulateInput, SimulateResult, Simulator } from '@vad/core';
import { middleFrame, sampleGates } from '../blend';
import { defineSimulator } from '../define-simulator';

export const weightedNoiseOptions = z.strictObject({
  type: z.literal('weighted-noise'), // = YAML `type` = registry key = file name
  noise: z.enum(['uniform', 'gaussian']).default('uniform'), // DDL-code pseudo_loss.py: torch.rand_like, U[0, 1)
  std: z.number().positive().default(0.2), // gaussian only, A = clip(X + N(0, std²)); PB's value unverified (anchors §2.4), our choice
  p: z.number().min(0).max(1).default(1), // per-sample probability; DDL-code perturbs every sample (anchors §2.1)
});
export type WeightedNoiseOptions = z.output<typeof weightedNoiseOptions>;

/**
 * DDL's pseudo anomaly (ddl-method.md eq. 1–2): X̄_A = (1 − σ)·X + σ·A, X_A = (1 − M)·X + M·X̄_A,
 * with noise A drawn per pixel, frame and channel and M the object mask of every frame.
 *
 * @example
 * // X = 0.2 inside the mask, A = 0.8, σ = 0.5 → X_A = 0.5·0.2 + 0.5·0.8 = 0.5; outside: 0.2
 */
export class WeightedNoise implements Simulator {
  readonly type = 'weighted-noise';

  constructor(readonly options: WeightedNoiseOptions) {}

  simulate(input: SimulateInput): SimulateResult {
    const [b, t, h, w, c] = input.clips.shape;
    const gates = sampleGates(input.rng, b, this.options.p);
    const seed = input.rng.nextSeed();
    const noise = tf.tidy(() =>
      this.options.noise === 'uniform'
        ? tf.randomUniform([b, t, h, w, c], 0, 1, 'float32', seed)
        : tf.clipByValue(tf.add(input.clips, tf.randomNormal([b, t, h, w, c], 0, this.options.std, 'float32', seed)), 0, 1),
    ) as tf.Tensor5D;
    try {
      return this.blend(input, noise, gates);
    } finally {
      noise.dispose();
    }
  }

  /**
   * The same pseudo anomaly with the noise A passed in ([B, T, H, W, C], e.g. the parity harness's
   * shared noise) instead of drawn; the per-sample gates still come from `input.rng`.
   */
  simulateWithNoise(input: SimulateInput, noise: tf.Tensor5D): SimulateResult {
    return this.blend(input, noise, sampleGates(input.rng, input.clips.shape[0], this.options.p));
  }

  private blend(input: SimulateInput, noise: tf.Tensor5D, gates: number[]): SimulateResult {
    const b = input.clips.shape[0];
    const [clips, mask, target] = tf.tidy(() => {
      const x = input.clips; // [B, T, H, W, C]
      const region = tf.mul(tf.cast(tf.greater(input.masks, 0), 'float32'), tf.tensor5d(gates, [b, 1, 1, 1, 1])); // [B, T, H, W, 1]
      const sigma = input.sigma;
      const noisy = tf.add(tf.mul(tf.sub(1, sigma), x), tf.mul(sigma, noise)); // eq. 1
      const anomalous = tf.add(tf.mul(tf.sub(1, region), x), tf.mul(region, noisy)) as tf.Tensor5D; // eq. 2
      return [anomalous, region, middleFrame(x)];
    });
    return { clips: clips as tf.Tensor5D, mask: mask as tf.Tensor5D, target: target as tf.Tensor4D };
  }
}

export const weightedNoise = defineSimulator({
  type: 'weighted-noise',
  description: 'DDL weighted noise: (1 − σ)·X + σ·noise inside the object mask (uniform or Gaussian)',
  options: weightedNoiseOptions,
  create: (options) => new WeightedNoise(options),
});
