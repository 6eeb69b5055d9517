import * as tf from '@tensorflow/tfjs';
/**
 * Sum of an NHWC tensor over every axis but the last, as one matrix product with a row of ones
 * (tfjs reductions over leading axes transpose the whole tensor first; a GEMV reads it once).
 *
 * @example
 * channelSum(tf.tensor4d([1, 2, 3, 4], [1, 2, 1, 2])); // => [4, 6]
 */
export declare function channelSum(x: tf.Tensor): tf.Tensor1D;
