import * as tf from '@tensorflow/tfjs';
/** Activations the convolution can fuse. */
export type ConvActivation = 'linear' | 'relu' | 'sigmoid';
export interface Conv2dOptions {
    /** Per-output-channel bias, [co]. */
    readonly bias?: tf.Tensor1D;
    readonly activation?: ConvActivation;
    /**
     * 1: 'same' padding with an odd k×k kernel. 2: a 2×2 kernel on non-overlapping patches, which is
     * exactly space-to-depth (block 2) followed by a 1×1 convolution over the 4·ci patch channels.
     */
    readonly stride?: 1 | 2;
}
/**
 * THE convolution of every model (the one place to swap in faster kernels): NHWC, fused bias and
 * activation. On the `tensorflow` backend it is the native fused op with native gradients; on wasm
 * and cpu its gradients run through fast forward ops (see conv-gradients.ts).
 *
 * @throws Error when the geometry is not one of the two supported ones.
 * @example
 * // 1×1 kernel 2, bias 1: x = [[1, 2]] ⇒ [[3, 5]]
 * conv2d(tf.tensor4d([1, 2], [1, 1, 2, 1]), tf.tensor4d([2], [1, 1, 1, 1]), { bias: tf.tensor1d([1]) });
 */
export declare function conv2d(x: tf.Tensor4D, filter: tf.Tensor4D, options?: Conv2dOptions): tf.Tensor4D;
