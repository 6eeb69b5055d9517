import * as tf from '@tensorflow/tfjs';
import type { SimulateInput, SimulateResult, Simulator } from '../src/contracts/simulator';
import { middleFrame } from '../src/train/loss-modes';

/**
 * Test fixture (not part of @vad/core's API): a minimal weighted-noise simulator for core's own
 * specs, which cannot import @vad/simulators (it depends on core). A ~ U[0, 1) of the clip's shape,
 * X̄_A = (1 − σ)·X + σ·A, X_A = (1 − M)·X + M·X̄_A (ddl-method.md eq. 1–2); the changed region is
 * the object mask, the target the normal middle frame. It draws one seed per call and no per-sample
 * gates, so its numbers are those the trainer specs were written against (the product simulator,
 * with Gaussian noise and a per-sample probability, is `weighted-noise` in @vad/simulators).
 * Also the `factory` of the SimulatorSource the worker-engine spec hands to its threads.
 *
 * @example
 * // σ = 0.5, X = 0.2, A = 0.6, M = 1 ⇒ X_A = 0.4; M = 0 ⇒ X_A = 0.2; σ = 0 ⇒ X_A = X exactly
 * const sim = createWeightedNoiseSimulator();
 * const { clips, mask, target } = sim.simulate({ clips: x, masks: m, sigma: tf.scalar(0.5), rng, meta: [] });
 */
export function createWeightedNoiseSimulator(): Simulator {
  return {
    type: 'weighted-noise',
    simulate(input: SimulateInput): SimulateResult {
      const seed = input.rng.nextSeed();
      return tf.tidy(() => {
        const x = input.clips; // [B, T, H, W, C]
        const m = input.masks; // [B, T, H, W, 1], broadcast over C
        const noise = tf.randomUniform(x.shape, 0, 1, 'float32', seed); // [B, T, H, W, C]
        const noisy = tf.add(tf.mul(tf.sub(1, input.sigma), x), tf.mul(input.sigma, noise)); // eq. 1
        const clips = tf.add(tf.mul(tf.sub(1, m), x), tf.mul(m, noisy)) as tf.Tensor5D; // eq. 2
        return { clips, mask: tf.clone(m), target: middleFrame(x) };
      });
    },
  };
}
