import * as tf from '@tensorflow/tfjs';
import { conv2d } from './conv2d';
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
export function conv3dMiddle(x, filter, bias) {
    const [b, t, h, w, c] = x.shape;
    const [kt, kh, kw, ci, co] = filter.shape;
    if (kt !== t || ci !== c) {
        throw new Error(`conv3dMiddle(filter): shape must be [${t}, k, k, ${c}, co], but got [${filter.shape.join(', ')}]`);
    }
    return tf.tidy(() => {
        const frames = tf.transpose(tf.reshape(x, [b, t, h * w, c]), [0, 2, 1, 3]); // [B, H·W, T, C]
        const stacked = tf.reshape(frames, [b, h, w, t * c]); // [B, H, W, T·C]
        const kernel = tf.transpose(tf.reshape(filter, [t, kh * kw, c, co]), [1, 0, 2, 3]); // [k·k, T, C, co]
        return conv2d(stacked, tf.reshape(kernel, [kh, kw, t * c, co]), { bias }); // [B, H, W, co]
    });
}
//# sourceMappingURL=conv3d-middle.js.map