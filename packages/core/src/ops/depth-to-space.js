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
export function depthToSpace2(x) {
    const f = tf.customGrad((...args) => {
        const xs = args[0];
        return {
            value: depthToSpaceForward(xs), // [N, 2h, 2w, C]
            gradFunc: (dy) => spaceToDepth2(dy),
        };
    });
    return f(x);
}
/** The forward permutation alone (no gradient), also used inside other gradients. */
export function depthToSpaceForward(x) {
    const [n, h, w, c4] = x.shape;
    const c = c4 / 4;
    return tf.tidy(() => {
        const rows = tf.reshape(x, [n * h, w, 2, 2 * c]); // [(n, h), w, p1, (p2, c)]
        return tf.reshape(tf.transpose(rows, [0, 2, 1, 3]), [n, 2 * h, 2 * w, c]); // [N, 2h, 2w, C]
    });
}
/**
 * Space-to-depth with block 2 (NHWC), the inverse of {@link depthToSpace2}: [N, 2h, 2w, C] → [N, h, w, 4C].
 *
 * @example
 * spaceToDepth2(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1])); // => [[[[1, 2, 3, 4]]]]
 */
export function spaceToDepth2(x) {
    const [n, hh, ww, c] = x.shape;
    const h = hh / 2;
    const w = ww / 2;
    return tf.tidy(() => {
        const rows = tf.reshape(x, [n * h, 2, w, 2 * c]); // [(n, h), p1, w, (p2, c)]
        return tf.reshape(tf.transpose(rows, [0, 2, 1, 3]), [n, h, w, 4 * c]); // [N, h, w, (p1, p2, c)]
    });
}
//# sourceMappingURL=depth-to-space.js.map