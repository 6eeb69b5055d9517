import * as tf from '@tensorflow/tfjs';
import { channelSum } from './channel-sum';
/** PyTorch's BatchNorm2d defaults. */
export const batchNormDefaults = { epsilon: 1e-5, momentum: 0.1 };
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
export function batchNorm(x, weights, training, epsilon = batchNormDefaults.epsilon, momentum = batchNormDefaults.momentum) {
    const { gamma, beta, runningMean, runningVar } = weights;
    if (!training)
        return tf.batchNorm4d(x, runningMean, runningVar, beta, gamma, epsilon);
    const f = tf.customGrad((...args) => {
        const [xs, g, b, save] = args;
        const count = xs.size / xs.shape[3];
        const mean = tf.div(channelSum(xs), count); // [C]
        const variance = tf.div(channelSum(tf.squaredDifference(xs, mean)), count); // [C], biased
        runningMean.assign(tf.add(tf.mul(runningMean, 1 - momentum), tf.mul(mean, momentum)));
        const unbiased = tf.mul(variance, count / Math.max(count - 1, 1));
        runningVar.assign(tf.add(tf.mul(runningVar, 1 - momentum), tf.mul(unbiased, momentum)));
        save([xs, mean, variance, g]);
        return {
            value: tf.batchNorm4d(xs, mean, variance, b, g, epsilon),
            gradFunc: (dy, saved) => {
                const [sx, sMean, sVar, sGamma] = saved;
                const xHat = tf.batchNorm4d(sx, sMean, sVar, undefined, undefined, epsilon); // [N, H, W, C]
                const dBeta = channelSum(dy); // [C]
                const dGamma = channelSum(tf.mul(dy, xHat)); // [C]
                const scale = tf.mul(sGamma, tf.rsqrt(tf.add(sVar, epsilon))); // γ/σ, [C]
                const centered = tf.sub(tf.sub(dy, tf.div(dBeta, count)), tf.mul(xHat, tf.div(dGamma, count)));
                return [tf.mul(centered, scale), dGamma, dBeta];
            },
        };
    });
    return f(x, gamma, beta);
}
//# sourceMappingURL=batch-norm.js.map