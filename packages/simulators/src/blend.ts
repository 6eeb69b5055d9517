import * as tf from '@tensorflow/tfjs';
import { middleFrame, type Rng, type SimulateInput, type SimulateResult } from '@vad/core';

export { middleFrame }; // the normal middle frame X_t of each clip, [B, H, W, C]: core's, defined once

/**
 * Per-sample Bernoulli(p) decisions: 1 = this sample gets a pseudo anomaly, 0 = left normal.
 *
 * @example
 * sampleGates(createRng(1), 3, 1); // => [1, 1, 1]
 */
export function sampleGates(rng: Rng, batch: number, p: number): number[] {
  return Array.from({ length: batch }, () => (rng.next() < p ? 1 : 0));
}

/** Index of the target (middle) frame of a T-frame window: (T − 1) / 2 for odd T. */
export function middleIndex(frames: number): number {
  return Math.floor((frames - 1) / 2);
}

/** 1 where `weight` > 0, else 0 (same layout): the region a blend actually changes. */
export function binaryMask(weight: Float32Array): Float32Array {
  return weight.map((v) => (v > 0 ? 1 : 0));
}

/**
 * The σ-blend used by every simulator except weighted noise: X_A = X + σ·W·(A − X), with a per-pixel
 * weight W ∈ [0, 1] ([B, T, H, W, 1], zero outside the region) and the fully anomalous version A.
 * σ = 0 gives X exactly; the gradient w.r.t. σ is Σ W·(A − X)·upstream.
 * `anomalous` is called inside the result's `tf.tidy`, so intermediate tensors it makes are freed.
 *
 * @example
 * // X = 0.2, A = 1, W = 1, σ = 0.5 → X_A = 0.2 + 0.5·(1 − 0.2) = 0.6
 */
export function blendResult(
  input: SimulateInput,
  anomalous: () => tf.Tensor5D,
  weight: Float32Array,
): SimulateResult {
  const [b, t, h, w] = input.clips.shape;
  const [clips, mask, target] = tf.tidy(() => {
    const x = input.clips; // [B, T, H, W, C]
    const weights = tf.tensor5d(weight, [b, t, h, w, 1]); // broadcast over channels
    const blended = tf.add(x, tf.mul(tf.mul(input.sigma, weights), tf.sub(anomalous(), x))) as tf.Tensor5D;
    return [blended, tf.tensor5d(binaryMask(weight), [b, t, h, w, 1]), middleFrame(x)];
  });
  return { clips: clips as tf.Tensor5D, mask: mask as tf.Tensor5D, target: target as tf.Tensor4D };
}
