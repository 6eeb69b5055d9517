import * as tf from '@tensorflow/tfjs';
import { channelSum } from './channel-sum';
import { activationGrad, filterGradPatch, filterGradSame, inputGradPatch, inputGradSame } from './conv-gradients';
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
export function conv2d(x, filter, options = {}) {
    const { bias, activation = 'linear', stride = 1 } = options;
    checkGeometry(x, filter, stride);
    if (tf.getBackend() === 'tensorflow')
        return nativeConv(x, filter, bias, activation, stride);
    const forward = (xs, ws, bs, save) => {
        const y = tf.fused.conv2d({ x: xs, filter: ws, strides: stride, pad: stride === 1 ? 'same' : 'valid', bias: bs, activation });
        save(activation === 'linear' ? [xs, ws] : [xs, ws, y]);
        return {
            value: y,
            gradFunc: (dy, saved) => {
                const [sx, sw, sy] = saved;
                const g = sy === undefined ? dy : activationGrad(dy, sy, activation); // [N, Ho, Wo, co]
                const dx = stride === 1 ? inputGradSame(g, sw) : inputGradPatch(g, sw);
                const dw = stride === 1 ? filterGradSame(sx, g, sw.shape[0]) : filterGradPatch(sx, g);
                return bs === undefined ? [dx, dw] : [dx, dw, channelSum(g)];
            },
        };
    };
    if (bias === undefined) {
        const f = tf.customGrad((...a) => forward(a[0], a[1], undefined, a[2]));
        return f(x, filter);
    }
    const f = tf.customGrad((...a) => forward(a[0], a[1], a[2], a[3]));
    return f(x, filter, bias);
}
function nativeConv(x, filter, bias, activation, stride) {
    const pad = stride === 1 ? 'same' : 'valid';
    if (activation !== 'sigmoid')
        return tf.fused.conv2d({ x, filter, strides: stride, pad, bias, activation });
    return tf.tidy(() => tf.sigmoid(tf.fused.conv2d({ x, filter, strides: stride, pad, bias })));
}
function checkGeometry(x, filter, stride) {
    const [kh, kw, ci] = filter.shape;
    if (x.shape[3] !== ci)
        throw new Error(`conv2d(filter): input channels must be ${x.shape[3]}, but got ${ci}`);
    if (stride === 1 && (kh !== kw || kh % 2 !== 1)) {
        throw new Error(`conv2d(filter): stride 1 needs a square odd kernel, but got ${kh}×${kw}`);
    }
    if (stride === 2 && (kh !== 2 || kw !== 2 || x.shape[1] % 2 !== 0 || x.shape[2] % 2 !== 0)) {
        throw new Error(`conv2d(filter): stride 2 needs a 2×2 kernel on even sizes, but got ${kh}×${kw} on ${x.shape[1]}×${x.shape[2]}`);
    }
}
//# sourceMappingURL=conv2d.js.map