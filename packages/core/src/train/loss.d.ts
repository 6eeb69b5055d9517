import * as tf from '@tensorflow/tfjs';
/**
 * Per-pixel error map ‖a − b‖ over channels ÷ √C.
 *
 * @example
 * pixelError(tf.ones([1, 1, 1, 4]), tf.zeros([1, 1, 1, 4])); // => [[[1]]]  (√4 / √4)
 */
export declare function pixelError(a: tf.Tensor4D, b: tf.Tensor4D): tf.Tensor3D;
/**
 * L_recon = mean over batch and pixels of ‖X_t − f(X)‖ / √C (eq. 4).
 *
 * @example
 * // one pixel off by 1 in all 4 channels, one exact: (1 + 0) / 2
 * reconstructionLoss(target, recon); // => 0.5
 */
export declare function reconstructionLoss(target: tf.Tensor4D, reconstruction: tf.Tensor4D): tf.Scalar;
/** L_dist and its parts, all scalars. `p`, `n` are the mean P and N over the masked pixels. */
export interface DistinctionTerms {
    readonly lDist: tf.Scalar;
    readonly p: tf.Scalar;
    readonly n: tf.Scalar;
    /** Number of masked (non-zero) pixels; 0 makes every term 0. */
    readonly count: tf.Scalar;
}
/** What the pseudo-sample losses look at: one step's middle frames and the changed region. */
export interface PseudoFrames {
    /** Normal middle frames X_t, [B, H, W, C]. */
    readonly target: tf.Tensor4D;
    /** Pseudo-anomalous middle frames X_t^A, [B, H, W, C]. */
    readonly anomalous: tf.Tensor4D;
    /** Reconstruction of the pseudo-anomalous clips f(X_A), [B, H, W, C]. */
    readonly reconstruction: tf.Tensor4D;
    /** Changed region of the middle frame M_t, [B, H, W] in {0, 1}. */
    readonly maskT: tf.Tensor3D;
}
/**
 * L_dist = mean over masked pixels of (P + ε·M_t) / (N + ε), with P = M_t·‖X_t − f(X_A)‖/√C and
 * N = M_t·‖X_t^A − f(X_A)‖/√C (eq. 5–7, official per-pixel form). With no masked pixel every term is 0.
 *
 * @example
 * // one masked pixel, C = 4: X_t = 0, f(X_A) = 1, X_t^A = 0.5 ⇒ P = 1, N = 0.5, L_dist ≈ 2
 */
export declare function distinctionLoss(frames: PseudoFrames, epsilon: number): DistinctionTerms;
/** Which samples of the batch carry a pseudo anomaly: 1 where `mask` [B, T, H, W, 1] has any pixel. */
export declare function pseudoSamples(mask: tf.Tensor5D): tf.Tensor1D;
/**
 * LNTRA's pseudo-sample loss: MSE between f(X_A) and the normal middle frame, averaged over the
 * pseudo samples (`isPseudo` [B] in {0, 1}); 0 when there is none.
 *
 * @example
 * // two samples, only the first pseudo, its squared error 0.25 everywhere ⇒ 0.25
 */
export declare function reconstructNormalLoss(frames: PseudoFrames, isPseudo: tf.Tensor1D): tf.Scalar;
/**
 * STEAL's pseudo-sample loss, bounded: mean over pseudo samples of max(0, margin − err), where err is
 * the mean ‖X_t^A − f(X_A)‖/√C over the changed region of the middle frame (or the whole frame when
 * only neighbouring frames changed, as for temporal simulators). Minimising it raises the error on
 * pseudo anomalies until it reaches `margin`, then stops, so training cannot diverge.
 *
 * @example
 * // one pseudo sample with err 0.1, margin 0.3 ⇒ 0.2; with err 0.5 ⇒ 0
 */
export declare function maxErrorLoss(frames: PseudoFrames, isPseudo: tf.Tensor1D, margin: number): tf.Scalar;
