import * as tf from '@tensorflow/tfjs';
import { fusedKernelNames, hasFastConvGradients, hasKernel } from '../backend-capabilities';
import { channelSum } from './channel-sum';
import { activationGrad, filterGradPatch, filterGradSame, inputGradPatch, inputGradSame } from './conv-gradients';

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
 * activation. Chosen by what the active backend can do: tfjs's fused op with its own gradients
 * where those are fast (`tensorflow`); the one-call fused backward kernel where the backend has it
 * (`native`: oneDNN backward data + weights + bias); otherwise (wasm, cpu) gradients through fast
 * forward ops (see conv-gradients.ts).
 *
 * @throws Error when the geometry is not one of the two supported ones.
 * @example
 * // 1×1 kernel 2, bias 1: x = [[1, 2]] ⇒ [[3, 5]]
 * conv2d(tf.tensor4d([1, 2], [1, 1, 2, 1]), tf.tensor4d([2], [1, 1, 1, 1]), { bias: tf.tensor1d([1]) });
 */
export function conv2d(x: tf.Tensor4D, filter: tf.Tensor4D, options: Conv2dOptions = {}): tf.Tensor4D {
  const { bias, activation = 'linear', stride = 1 } = options;
  checkGeometry(x, filter, stride);
  if (hasFastConvGradients()) return nativeConv(x, filter, bias, activation, stride);
  if (hasKernel(fusedKernelNames.convBackward)) return fusedBackwardConv(x, filter, bias, activation, stride);
  const forward = (xs: tf.Tensor4D, ws: tf.Tensor4D, bs: tf.Tensor1D | undefined, save: tf.GradSaveFunc) => {
    const y = tf.fused.conv2d({ x: xs, filter: ws, strides: stride, pad: stride === 1 ? 'same' : 'valid', bias: bs, activation });
    save(activation === 'linear' ? [xs, ws] : [xs, ws, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
        const [sx, sw, sy] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D | undefined];
        const g = sy === undefined ? dy : activationGrad(dy, sy, activation); // [N, Ho, Wo, co]
        const dx = stride === 1 ? inputGradSame(g, sw) : inputGradPatch(g, sw);
        const dw = stride === 1 ? filterGradSame(sx, g, sw.shape[0]) : filterGradPatch(sx, g);
        return bs === undefined ? [dx, dw] : [dx, dw, channelSum(g)];
      },
    };
  };
  if (bias === undefined) {
    const f = tf.customGrad((...a: Array<tf.Tensor | tf.GradSaveFunc>) => forward(a[0] as tf.Tensor4D, a[1] as tf.Tensor4D, undefined, a[2] as tf.GradSaveFunc));
    return f(x, filter) as tf.Tensor4D;
  }
  const f = tf.customGrad((...a: Array<tf.Tensor | tf.GradSaveFunc>) =>
    forward(a[0] as tf.Tensor4D, a[1] as tf.Tensor4D, a[2] as tf.Tensor1D, a[3] as tf.GradSaveFunc),
  );
  return f(x, filter, bias) as tf.Tensor4D;
}

/** Forward as tfjs's fused op, backward as one call of the backend's fused conv-backward kernel. */
function fusedBackwardConv(x: tf.Tensor4D, filter: tf.Tensor4D, bias: tf.Tensor1D | undefined, activation: ConvActivation, stride: 1 | 2): tf.Tensor4D {
  const pad = stride === 1 ? 'same' : 'valid';
  const f = tf.customGrad((...a: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [xs, ws] = a as [tf.Tensor4D, tf.Tensor4D];
    const bs = bias === undefined ? undefined : (a[2] as tf.Tensor1D);
    const save = a[a.length - 1] as tf.GradSaveFunc;
    const y = tf.fused.conv2d({ x: xs, filter: ws, strides: stride, pad, bias: bs, activation });
    save(activation === 'linear' ? [xs, ws] : [xs, ws, y]);
    return {
      value: y,
      gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
        const [sx, sw, sy] = saved as [tf.Tensor4D, tf.Tensor4D, tf.Tensor4D | undefined];
        const inputs = { x: sx, filter: sw, dy, ...(sy !== undefined ? { y: sy } : {}) };
        const attrs = { strides: stride, pad, activation, hasBias: bs !== undefined };
        return tf.engine().runKernel(fusedKernelNames.convBackward, inputs, attrs) as tf.Tensor[];
      },
    };
  });
  return (bias === undefined ? f(x, filter) : f(x, filter, bias)) as tf.Tensor4D;
}

function nativeConv(x: tf.Tensor4D, filter: tf.Tensor4D, bias: tf.Tensor1D | undefined, activation: ConvActivation, stride: 1 | 2): tf.Tensor4D {
  const pad = stride === 1 ? 'same' : 'valid';
  if (activation !== 'sigmoid') return tf.fused.conv2d({ x, filter, strides: stride, pad, bias, activation });
  return tf.tidy(() => tf.sigmoid(tf.fused.conv2d({ x, filter, strides: stride, pad, bias })));
}

function checkGeometry(x: tf.Tensor4D, filter: tf.Tensor4D, stride: 1 | 2): void {
  const [kh, kw, ci] = filter.shape;
  if (x.shape[3] !== ci) throw new Error(`conv2d(filter): input channels must be ${x.shape[3]}, but got ${ci}`);
  if (stride === 1 && (kh !== kw || kh % 2 !== 1)) {
    throw new Error(`conv2d(filter): stride 1 needs a square odd kernel, but got ${kh}×${kw}`);
  }
  if (stride === 2 && (kh !== 2 || kw !== 2 || x.shape[1] % 2 !== 0 || x.shape[2] % 2 !== 0)) {
    throw new Error(`conv2d(filter): stride 2 needs a 2×2 kernel on even sizes, but got ${kh}×${kw} on ${x.shape[1]}×${x.shape[2]}`);
  }
}
