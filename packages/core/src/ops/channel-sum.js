import * as tf from '@tensorflow/tfjs';
/**
 * Sum of an NHWC tensor over every axis but the last, as one matrix product with a row of ones
 * (tfjs reductions over leading axes transpose the whole tensor first; a GEMV reads it once).
 *
 * @example
 * channelSum(tf.tensor4d([1, 2, 3, 4], [1, 2, 1, 2])); // => [4, 6]
 */
export function channelSum(x) {
    return tf.tidy(() => {
        const channels = x.shape[x.rank - 1] ?? 1;
        const rows = x.size / channels;
        const x2d = tf.reshape(x, [rows, channels]); // [M, C]
        return tf.reshape(tf.matMul(tf.ones([1, rows]), x2d), [channels]); // [C]
    });
}
//# sourceMappingURL=channel-sum.js.map