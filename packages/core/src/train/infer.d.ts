import * as tf from '@tensorflow/tfjs';
import type { AnomalyModel } from '../contracts/model';
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
export declare function reconstructionErrors(model: AnomalyModel, clips: tf.Tensor5D): Promise<ReconstructionErrors>;
