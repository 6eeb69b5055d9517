import * as tf from '@tensorflow/tfjs';

/** The divisor of `rows` closest to (and not above) √rows: the row blocks of a two-level sum. */
function blockCount(rows: number): number {
  for (let g = Math.floor(Math.sqrt(rows)); g > 1; g--) if (rows % g === 0) return g;
  return 1;
}

/**
 * Sum of an NHWC tensor over every axis but the last, as matrix products with rows of ones (tfjs
 * reductions over leading axes transpose the whole tensor first; a GEMV reads it once). Long sums run
 * in two levels — ≈ √M rows per block, then the block sums — because a float32 GEMV accumulates
 * sequentially: over the M = 98,304 rows of a 64×64 batch of 24 frames wasm's single GEMV loses
 * ~2e-5 relative, and BatchNorm's backward amplifies that (PyTorch sums these in double).
 *
 * @example
 * channelSum(tf.tensor4d([1, 2, 3, 4], [1, 2, 1, 2])); // => [4, 6]
 */
export function channelSum(x: tf.Tensor): tf.Tensor1D {
  return tf.tidy(() => {
    const channels = x.shape[x.rank - 1] ?? 1;
    const rows = x.size / channels;
    const blocks = rows >= 1024 ? blockCount(rows) : 1;
    if (blocks === 1) return tf.reshape(tf.matMul(tf.ones([1, rows]), tf.reshape(x, [rows, channels])), [channels]) as tf.Tensor1D; // [C]
    const x3d = tf.reshape(x, [blocks, rows / blocks, channels]); // [G, M/G, C]
    const partial = tf.reshape(tf.matMul(tf.ones([1, 1, rows / blocks]), x3d), [blocks, channels]); // [G, C]
    return tf.reshape(tf.matMul(tf.ones([1, blocks]), partial), [channels]) as tf.Tensor1D; // [C]
  });
}
