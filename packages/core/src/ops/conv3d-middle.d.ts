import * as tf from '@tensorflow/tfjs';
/**
 * The middle output frame of a Conv3d with kernel (T, k, k), 'same' padding in space and zero
 * padding in time, on a clip of T frames. With t_mid = (T − 1)/2 the time-padded kernel sees
 * exactly frames 0..T−1, so the result is Σ_t conv2d(x_t, w_t) + b. The T 2-D convolutions run as
 * ONE conv2d over the frames stacked along channels (channel t·c + i), through the shared
 * {@link conv2d} primitive; the other T − 1 output frames (which the reference computes and drops)
 * are never computed.
 *
 * @example
 * // T = 1, 1×1 kernel 3, bias 0: equals a 1×1 conv2d
 * conv3dMiddle(tf.ones([1, 1, 2, 2, 1]), tf.fill([1, 1, 1, 1, 1], 3), tf.zeros([1])); // => all 3
 */
export declare function conv3dMiddle(x: tf.Tensor5D, filter: tf.Tensor5D, bias: tf.Tensor1D): tf.Tensor4D;
