import type { Simulator } from '../contracts/simulator';
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
export declare function createWeightedNoiseSimulator(): Simulator;
