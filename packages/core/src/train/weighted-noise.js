import * as tf from '@tensorflow/tfjs';
import { middleFrame } from './loss-modes';
/**
 * DDL's weighted-noise pseudo anomaly (ddl-method.md eq. 1–2), the trainer's built-in default when no
 * simulator is passed: A ~ U[0, 1) of the clip's shape, X̄_A = (1 − σ)·X + σ·A,
 * X_A = (1 − M)·X + M·X̄_A. The changed region is the object mask; the target is the normal middle
 * frame. The full simulator (Gaussian noise, per-sample probability) lives in @vad/simulators.
 *
 * @example
 * // σ = 0.5, X = 0.2, A = 0.6, M = 1 ⇒ X_A = 0.4; M = 0 ⇒ X_A = 0.2; σ = 0 ⇒ X_A = X exactly
 * const sim = createWeightedNoiseSimulator();
 * const { clips, mask, target } = sim.simulate({ clips: x, masks: m, sigma: tf.scalar(0.5), rng, meta: [] });
 */
export function createWeightedNoiseSimulator() {
    return {
        type: 'weighted-noise',
        simulate(input) {
            const seed = input.rng.nextSeed();
            return tf.tidy(() => {
                const x = input.clips; // [B, T, H, W, C]
                const m = input.masks; // [B, T, H, W, 1], broadcast over C
                const noise = tf.randomUniform(x.shape, 0, 1, 'float32', seed); // [B, T, H, W, C]
                const noisy = tf.add(tf.mul(tf.sub(1, input.sigma), x), tf.mul(input.sigma, noise)); // eq. 1
                const clips = tf.add(tf.mul(tf.sub(1, m), x), tf.mul(m, noisy)); // eq. 2
                return { clips, mask: tf.clone(m), target: middleFrame(x) };
            });
        },
    };
}
//# sourceMappingURL=weighted-noise.js.map