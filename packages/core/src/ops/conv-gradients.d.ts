import * as tf from '@tensorflow/tfjs';
/**
 * Convolution gradients written with fast forward ops only (wasm has XNNPACK forward convolutions
 * and matrix products, but a naive input gradient and no filter gradient kernel). Two geometries:
 * stride 1 with 'same' padding and an odd kernel, and stride 2 with a 2×2 kernel (non-overlapping
 * patches, i.e. space-to-depth followed by a 1×1 convolution).
 */
/** Upstream gradient through a fused activation: relu' from the output, sigmoid' = y·(1 − y). */
export declare function activationGrad(dy: tf.Tensor4D, y: tf.Tensor4D, activation: 'linear' | 'relu' | 'sigmoid'): tf.Tensor4D;
/**
 * The kernel rotated by 180° with input and output channels swapped, w'[a, b, o, i] = w[k−1−a, k−1−b, i, o]:
 * a transpose, then the taps reversed by a product with the k²×k² anti-identity (exact: one 1·x
 * and zeros per output). wasm's Reverse and Gather kernels take ~50 ms for a 7×7×64×128 kernel.
 */
export declare function flipSwap(filter: tf.Tensor4D): tf.Tensor4D;
/** dL/dx for stride 1, 'same', odd k: a 'same' convolution of dy with the flipped, in/out-swapped kernel. */
export declare function inputGradSame(dy: tf.Tensor4D, filter: tf.Tensor4D): tf.Tensor4D;
/**
 * dL/dw for stride 1, 'same', odd k. For k > 1 a forward convolution over transposed tensors:
 * the input channels act as the batch, the images' batch as the channels, and dy as the kernel:
 * conv(xᵀ [ci, H, W, N], dyᵀ [H, W, N, co], pad k//2) = dw as [ci, k, k, co]. For k = 1 it is xᵀ·dy.
 */
export declare function filterGradSame(x: tf.Tensor4D, dy: tf.Tensor4D, k: number): tf.Tensor4D;
/** dL/dx for the 2×2 stride-2 patch convolution: dy·wᵀ per output pixel, scattered back by depth-to-space. */
export declare function inputGradPatch(dy: tf.Tensor4D, filter: tf.Tensor4D): tf.Tensor4D;
/** dL/dw for the 2×2 stride-2 patch convolution: (space-to-depth x)ᵀ·dy, with one 4-D transpose. */
export declare function filterGradPatch(x: tf.Tensor4D, dy: tf.Tensor4D): tf.Tensor4D;
