import * as tf from '@tensorflow/tfjs';
/**
 * Depth-to-space with block 2 (NHWC): channel (p1·2 + p2)·C + c of pixel (h, w) moves to pixel
 * (2h + p1, 2w + p2), channel c; the NHWC equivalent of PyTorch's `pixel_shuffle(x, 2)` with the
 * channel groups reordered. Both directions are one reshape–transpose–reshape (wasm's DepthToSpace
 * kernel is ~4× slower than its Transpose, and tfjs has no DepthToSpace gradient).
 *
 * @example
 * depthToSpace2(tf.tensor4d([1, 2, 3, 4], [1, 1, 1, 4])); // => [[[[1], [2]], [[3], [4]]]]  (shape [1, 2, 2, 1])
 */
export declare function depthToSpace2(x: tf.Tensor4D): tf.Tensor4D;
/** The forward permutation alone (no gradient), also used inside other gradients. */
export declare function depthToSpaceForward(x: tf.Tensor4D): tf.Tensor4D;
/**
 * Space-to-depth with block 2 (NHWC), the inverse of {@link depthToSpace2}: [N, 2h, 2w, C] → [N, h, w, 4C].
 *
 * @example
 * spaceToDepth2(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1])); // => [[[[1, 2, 3, 4]]]]
 */
export declare function spaceToDepth2(x: tf.Tensor4D): tf.Tensor4D;
