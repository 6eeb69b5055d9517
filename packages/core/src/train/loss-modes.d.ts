import * as tf from '@tensorflow/tfjs';
import { type PseudoFrames } from './loss';
/**
 * How pseudo samples enter the loss L = L_recon + λ·L_pseudo:
 * - `distinction` — DDL: L_pseudo = L_dist, the P/N ratio (default);
 * - `reconstruct-normal` — LNTRA: L_pseudo = MSE(f(X_A), X_t) on the pseudo samples;
 * - `max-error` — STEAL: L_pseudo = max(0, margin − err(X_t^A, f(X_A))) on the pseudo samples.
 */
export declare const lossModes: readonly ["distinction", "reconstruct-normal", "max-error"];
export type LossMode = (typeof lossModes)[number];
/** The loss settings of a run (see `trainerOptionsSchema` for the defaults and their source). */
export interface LossConfig {
    readonly mode: LossMode;
    /** λ, the weight of L_pseudo (0.01 in the official DDL code). */
    readonly lambda: number;
    /** ε of L_dist (1e-6). */
    readonly epsilon: number;
    /** Hinge margin of `max-error`. */
    readonly maxErrorMargin: number;
}
/**
 * The pseudo-sample terms of one step. `lDist`, `p` and `n` are always computed (diagnostics in the
 * other modes); `count` is the number of masked pixels of the middle frame.
 */
export interface PseudoTerms {
    readonly lPseudo: tf.Scalar;
    readonly lDist: tf.Scalar;
    readonly p: tf.Scalar;
    readonly n: tf.Scalar;
    readonly count: tf.Scalar;
}
/**
 * L_pseudo for `config.mode`, given the middle frames and the simulator's changed region
 * `mask` [B, T, H, W, 1] (whose middle frame is M_t).
 *
 * @example
 * const terms = pseudoLoss({ mode: 'distinction', lambda: 0.01, epsilon: 1e-6, maxErrorMargin: 0.2 }, frames, mask);
 * // terms.lPseudo === terms.lDist
 */
export declare function pseudoLoss(config: LossConfig, frames: PseudoFrames, mask: tf.Tensor5D): PseudoTerms;
/** The middle frame t = (T − 1)/2 of clips [B, T, H, W, C] ⇒ [B, H, W, C]. */
export declare function middleFrame(clips: tf.Tensor5D): tf.Tensor4D;
