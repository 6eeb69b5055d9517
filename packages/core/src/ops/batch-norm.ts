import * as tf from '@tensorflow/tfjs';
import { fusedKernelNames, hasKernel } from '../backend-capabilities';
import { channelSum } from './channel-sum';

/** One BatchNorm layer's weights: affine γ, β (trainable) and running statistics (not trainable). */
export interface BatchNormWeights {
  readonly gamma: tf.Variable<tf.Rank.R1>;
  readonly beta: tf.Variable<tf.Rank.R1>;
  readonly runningMean: tf.Variable<tf.Rank.R1>;
  readonly runningVar: tf.Variable<tf.Rank.R1>;
}

/** PyTorch's BatchNorm2d defaults. */
export const batchNormDefaults = { epsilon: 1e-5, momentum: 0.1 } as const;

/**
 * BatchNorm over the channels of an NHWC tensor, as PyTorch's BatchNorm2d. Training: batch
 * statistics (biased variance) normalise, and the running statistics move by `momentum` towards
 * the batch mean and the unbiased batch variance. Evaluation: running statistics. Training mode
 * has a closed-form backward (dβ = Σdy, dγ = Σdy·x̂, dx = γ/σ·(dy − dβ/M − x̂·dγ/M)) and channel
 * sums as matrix products, so it costs a few passes over x instead of autodiff's dozen.
 *
 * @example
 * // one channel, values [1, 3]: mean 2, variance 1 ⇒ [-1, 1] (up to ε); running mean 0 → 0.2
 * batchNorm(tf.tensor4d([1, 3], [1, 1, 2, 1]), weights, true);
 */
export function batchNorm(x: tf.Tensor4D, weights: BatchNormWeights, training: boolean, epsilon: number = batchNormDefaults.epsilon, momentum: number = batchNormDefaults.momentum): tf.Tensor4D {
  const { gamma, beta, runningMean, runningVar } = weights;
  if (!training) return tf.batchNorm4d(x, runningMean, runningVar, beta, gamma, epsilon);
  if (hasKernel(fusedKernelNames.batchNormTrain)) return fusedBatchNorm(x, weights, false, epsilon, momentum);
  const f = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [xs, g, b, save] = args as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
    const count = xs.size / xs.shape[3];
    const mean = tf.div(channelSum(xs), count) as tf.Tensor1D; // [C]
    const variance = tf.div(channelSum(tf.squaredDifference(xs, mean)), count) as tf.Tensor1D; // [C], biased
    runningMean.assign(tf.add(tf.mul(runningMean, 1 - momentum), tf.mul(mean, momentum)));
    const unbiased = tf.mul(variance, count / Math.max(count - 1, 1));
    runningVar.assign(tf.add(tf.mul(runningVar, 1 - momentum), tf.mul(unbiased, momentum)));
    save([xs, mean, variance, g]);
    return {
      value: tf.batchNorm4d(xs, mean, variance, b, g, epsilon),
      gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
        const [sx, sMean, sVar, sGamma] = saved as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D];
        const xHat = tf.batchNorm4d(sx, sMean, sVar, undefined, undefined, epsilon); // [N, H, W, C]
        const dBeta = channelSum(dy); // [C]
        const dGamma = channelSum(tf.mul(dy, xHat)); // [C]
        const scale = tf.mul(sGamma, tf.rsqrt(tf.add(sVar, epsilon))); // γ/σ, [C]
        const centered = tf.sub(tf.sub(dy, tf.div(dBeta, count)), tf.mul(xHat, tf.div(dGamma, count)));
        return [tf.mul(centered, scale), dGamma, dBeta];
      },
    };
  });
  return f(x, gamma, beta) as tf.Tensor4D;
}

/**
 * ReLU(BatchNorm(x)), as one fused kernel (forward and backward) where the backend has it.
 *
 * @example
 * batchNormRelu(tf.tensor4d([1, 3], [1, 1, 2, 1]), weights, true); // => [0, 1] (up to ε)
 */
export function batchNormRelu(x: tf.Tensor4D, weights: BatchNormWeights, training: boolean): tf.Tensor4D {
  if (training && hasKernel(fusedKernelNames.batchNormTrain)) return fusedBatchNorm(x, weights, true, batchNormDefaults.epsilon, batchNormDefaults.momentum);
  if (!training && hasKernel(fusedKernelNames.batchNormInfer)) {
    const { gamma: scale, beta: offset, runningMean: mean, runningVar: variance } = weights;
    return tf.engine().runKernel(fusedKernelNames.batchNormInfer, { x, mean, variance, scale, offset }, { epsilon: batchNormDefaults.epsilon, relu: true }) as tf.Tensor4D;
  }
  return tf.tidy(() => tf.relu(batchNorm(x, weights, training)));
}

/** Training-mode BatchNorm (+ ReLU) on the backend's fused kernels; same maths as {@link batchNorm}. */
function fusedBatchNorm(x: tf.Tensor4D, weights: BatchNormWeights, relu: boolean, epsilon: number, momentum: number): tf.Tensor4D {
  const { runningMean, runningVar } = weights;
  const f = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [xs, g, b, save] = args as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D, tf.GradSaveFunc];
    const inputs = { x: xs, gamma: g, beta: b, runningMean, runningVar };
    const [y, mean, variance, newMean, newVar] = tf.engine().runKernel(fusedKernelNames.batchNormTrain, inputs, { epsilon, momentum, relu }) as tf.Tensor[];
    runningMean.assign(newMean as tf.Tensor1D);
    runningVar.assign(newVar as tf.Tensor1D);
    save(relu ? [xs, mean!, variance!, g, y!] : [xs, mean!, variance!, g]);
    return {
      value: y as tf.Tensor4D,
      gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
        const [sx, sMean, sVar, sGamma, sy] = saved;
        const gradInputs = { dy, x: sx!, mean: sMean!, variance: sVar!, gamma: sGamma!, ...(sy !== undefined ? { y: sy } : {}) };
        return tf.engine().runKernel(fusedKernelNames.batchNormGrad, gradInputs, { epsilon, relu }) as tf.Tensor[];
      },
    };
  });
  return f(x, weights.gamma, weights.beta) as tf.Tensor4D;
}
