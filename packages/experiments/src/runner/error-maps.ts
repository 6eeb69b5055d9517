import * as tf from '@tensorflow/tfjs';
import { reconstructionErrors, type AnomalyModel, type ReconstructionErrors } from '@vad/core';

/**
 * Per-pixel reconstruction errors of a host batch of clips (core's `reconstructionErrors`:
 * ‖X_t − f(X)‖₂ over channels ÷ √C, BatchNorm in inference mode). No tensor outlives the call.
 *
 * @example
 * const { errors } = await errorMaps(model, clips, [2, 3, 32, 32, 1]); // errors: 2·32·32 values, [B, H, W]
 */
export async function errorMaps(model: AnomalyModel, clips: Float32Array, shape: readonly [number, number, number, number, number]): Promise<ReconstructionErrors> {
  const x = tf.tensor5d(clips, [...shape]); // [B, T, H, W, C]
  try {
    return await reconstructionErrors(model, x);
  } finally {
    x.dispose();
  }
}
