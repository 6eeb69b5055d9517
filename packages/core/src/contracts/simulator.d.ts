import type * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';
import type { ClipMeta, FrameSource } from './data';
/** What a simulator receives for one batch. */
export interface SimulateInput {
    /** Normal clips X, [B, T, H, W, C] in [0, 1]. */
    readonly clips: tf.Tensor5D;
    /** Object masks M, [B, T, H, W, 1] in {0, 1}: where the pseudo anomaly may go. */
    readonly masks: tf.Tensor5D;
    /** Anomaly weight σ as a scalar tensor, so that it can be learned (gradient flows through it). */
    readonly sigma: tf.Scalar;
    /** Seeded stream for every random choice of this call. */
    readonly rng: Rng;
    /** Origin of each clip (video and target frame), for simulators that read neighbouring frames. */
    readonly meta: readonly ClipMeta[];
    /** Random access to the source videos (absent for purely in-window simulators' data). */
    readonly source?: FrameSource;
}
/** What a simulator returns; every tensor is new (the caller disposes it). */
export interface SimulateResult {
    /** Pseudo-anomalous clips X_A, [B, T, H, W, C]; equals `clips` exactly when σ = 0. */
    readonly clips: tf.Tensor5D;
    /** Region that actually changed, [B, T, H, W, 1] in {0, 1}; all zero for samples left normal. */
    readonly mask: tf.Tensor5D;
    /** Reconstruction target: the normal middle frame X_t, [B, H, W, C]. */
    readonly target: tf.Tensor4D;
}
/**
 * A pseudo-anomaly generator. σ controls the strength of every simulator: weighted noise blends
 * uniform noise by σ (DDL eq. 1–2); the others blend the original and their anomalous version by σ
 * inside the mask, so σ is meaningful and differentiable for all of them.
 */
export interface Simulator {
    readonly type: string;
    simulate(input: SimulateInput): SimulateResult;
}
