import * as tf from '@tensorflow/tfjs';
/** One BatchNorm layer's weights: affine γ, β (trainable) and running statistics (not trainable). */
export interface BatchNormWeights {
    readonly gamma: tf.Variable<tf.Rank.R1>;
    readonly beta: tf.Variable<tf.Rank.R1>;
    readonly runningMean: tf.Variable<tf.Rank.R1>;
    readonly runningVar: tf.Variable<tf.Rank.R1>;
}
/** PyTorch's BatchNorm2d defaults. */
export declare const batchNormDefaults: {
    readonly epsilon: 0.00001;
    readonly momentum: 0.1;
};
/**
 * BatchNorm over the channels of an NHWC tensor, as PyTorch's BatchNorm2d. Training: batch
 * statistics (biased variance) normalise, and the running statistics move by `momentum` towards
 * the batch mean and the unbiased batch variance. Evaluation: running statistics. Training mode
 * has a closed-form backward (dβ = Σdy, dγ = Σdy·x̂, dx = γ/σ·(dy − dβ/M − x̂·dγ/M)) and channel
 * sums as matrix products, so it costs a few passes over x instead of autodiff's dozen.
 *
 * @example
 * // one channel, values [1, 3]: mean 2, variance 1 ⇒ [-1, 1] (up to ε); running mean 0 → 0.2
 * batchNorm(tf.tensor4d([1, 3], [1, 1, 2, 1]), weights, true);
 */
export declare function batchNorm(x: tf.Tensor4D, weights: BatchNormWeights, training: boolean, epsilon?: number, momentum?: number): tf.Tensor4D;
