import * as tf from '@tensorflow/tfjs';
import { depthToSpaceForward } from './depth-to-space';
/**
 * Convolution gradients written with fast forward ops only (wasm has XNNPACK forward convolutions
 * and matrix products, but a naive input gradient and no filter gradient kernel). Two geometries:
 * stride 1 with 'same' padding and an odd kernel, and stride 2 with a 2×2 kernel (non-overlapping
 * patches, i.e. space-to-depth followed by a 1×1 convolution).
 */
/** Upstream gradient through a fused activation: relu' from the output, sigmoid' = y·(1 − y). */
export function activationGrad(dy, y, activation) {
    if (activation === 'relu')
        return tf.mul(dy, tf.step(y));
    if (activation === 'sigmoid')
        return tf.mul(dy, tf.mul(y, tf.sub(1, y)));
    return dy;
}
/**
 * The kernel rotated by 180° with input and output channels swapped, w'[a, b, o, i] = w[k−1−a, k−1−b, i, o]:
 * a transpose, then the taps reversed by a product with the k²×k² anti-identity (exact: one 1·x
 * and zeros per output). wasm's Reverse and Gather kernels take ~50 ms for a 7×7×64×128 kernel.
 */
export function flipSwap(filter) {
    const [k, , ci, co] = filter.shape;
    const taps = k * k;
    return tf.tidy(() => {
        const swapped = tf.reshape(tf.transpose(tf.reshape(filter, [taps, ci, co]), [0, 2, 1]), [taps, co * ci]); // [k², (o, i)]
        if (taps === 1)
            return tf.reshape(swapped, [1, 1, co, ci]);
        const reverse = tf.reverse(tf.eye(taps), 0); // [k², k²] anti-identity (tiny)
        return tf.reshape(tf.matMul(reverse, swapped), [k, k, co, ci]);
    });
}
/** dL/dx for stride 1, 'same', odd k: a 'same' convolution of dy with the flipped, in/out-swapped kernel. */
export function inputGradSame(dy, filter) {
    return tf.conv2d(dy, flipSwap(filter), 1, 'same');
}
/**
 * dL/dw for stride 1, 'same', odd k. For k > 1 a forward convolution over transposed tensors:
 * the input channels act as the batch, the images' batch as the channels, and dy as the kernel:
 * conv(xᵀ [ci, H, W, N], dyᵀ [H, W, N, co], pad k//2) = dw as [ci, k, k, co]. For k = 1 it is xᵀ·dy.
 */
export function filterGradSame(x, dy, k) {
    const [n, h, w, ci] = x.shape;
    const co = dy.shape[3];
    if (k === 1) {
        const x2dT = tf.transpose(tf.reshape(x, [n * h * w, ci])); // [ci, M]
        return tf.reshape(tf.matMul(x2dT, tf.reshape(dy, [n * h * w, co])), [1, 1, ci, co]);
    }
    const p = (k - 1) / 2;
    const xT = tf.transpose(x, [3, 1, 2, 0]); // [ci, H, W, N]
    const dyT = tf.transpose(dy, [1, 2, 0, 3]); // [H, W, N, co]
    const r = tf.conv2d(xT, dyT, 1, [[0, 0], [p, p], [p, p], [0, 0]]); // [ci, k, k, co]
    return tf.transpose(r, [1, 2, 0, 3]); // [k, k, ci, co]
}
/** dL/dx for the 2×2 stride-2 patch convolution: dy·wᵀ per output pixel, scattered back by depth-to-space. */
export function inputGradPatch(dy, filter) {
    const [n, h, w, co] = dy.shape;
    const ci = filter.shape[2];
    const wT = tf.transpose(tf.reshape(filter, [4 * ci, co])); // [co, 4ci], row (p1, p2, c)
    const patches = tf.reshape(tf.matMul(tf.reshape(dy, [n * h * w, co]), wT), [n, h, w, 4 * ci]); // [N, h, w, 4ci]
    return depthToSpaceForward(patches); // [N, 2h, 2w, ci]
}
/** dL/dw for the 2×2 stride-2 patch convolution: (space-to-depth x)ᵀ·dy, with one 4-D transpose. */
export function filterGradPatch(x, dy) {
    const [n, hh, ww, ci] = x.shape;
    const [, h, w, co] = dy.shape;
    const rows = tf.reshape(x, [n * h, 2, w, 2 * ci]); // [(n, h), p1, w, (p2, c)]
    const patchesT = tf.reshape(tf.transpose(rows, [1, 3, 0, 2]), [4 * ci, n * h * w]); // [(p1, p2, c), M]
    if (hh !== 2 * h || ww !== 2 * w)
        throw new Error(`filterGradPatch(x): height and width must be twice dy's, but got ${hh}×${ww} vs ${h}×${w}`);
    return tf.reshape(tf.matMul(patchesT, tf.reshape(dy, [n * h * w, co])), [2, 2, ci, co]);
}
//# sourceMappingURL=conv-gradients.js.map