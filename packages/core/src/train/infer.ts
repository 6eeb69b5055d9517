import * as tf from '@tensorflow/tfjs';
import type { AnomalyModel } from '../contracts/model';
import { pixelError } from './loss';
import { middleFrame } from './loss-modes';

/** Reconstruction errors of a batch of clips, on the host. */
export interface ReconstructionErrors {
  /** [B, H, W, C] of the reconstructions. */
  readonly shape: readonly [number, number, number, number];
  /** Per-pixel ‖x_t − f(x)‖ over channels ÷ √C, [B, H, W] row-major. */
  readonly errors: Float32Array;
  /** f(x), [B, H, W, C] row-major. */
  readonly reconstructions: Float32Array;
}

/**
 * Reconstructs the middle frame of each clip (BatchNorm in eval mode, no gradient tape) and returns
 * the per-pixel error maps the metrics package turns into frame scores.
 *
 * @example
 * const { errors, shape } = await reconstructionErrors(model, clips); // clips [1, 3, 64, 64, 3]
 * // errors.length === 64 * 64; a perfect reconstruction gives all zeros
 */
export async function reconstructionErrors(model: AnomalyModel, clips: tf.Tensor5D): Promise<ReconstructionErrors> {
  const [reconstruction, errors] = tf.tidy(() => {
    const recon = model.apply(clips, false); // [B, H, W, C]
    return [recon, pixelError(middleFrame(clips), recon)]; // [B, H, W]
  });
  try {
    const [b, h, w, c] = reconstruction.shape as [number, number, number, number];
    const [errorValues, reconValues] = await Promise.all([errors.data(), reconstruction.data()]);
    return { shape: [b, h, w, c], errors: errorValues as Float32Array, reconstructions: reconValues as Float32Array };
  } finally {
    tf.dispose([reconstruction, errors]);
  }
}
