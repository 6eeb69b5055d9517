import * as tf from '@tensorflow/tfjs';

/**
 * What the active backend can do beyond tfjs's portable kernels, so ops choose their formulation
 * by capability instead of by backend name. The extra kernels are a contract with `@vad/native`
 * (packages/native/src/kernel-names.ts: names, inputs, attributes, outputs).
 */
export const fusedKernelNames = {
  /** dx, dw, db of a fused convolution in one call. */
  convBackward: 'VadConv2DBackward',
  /** Training-mode BatchNorm (+ ReLU) with the running-statistics update. */
  batchNormTrain: 'VadBatchNormTrain',
  /** Its backward. */
  batchNormGrad: 'VadBatchNormGrad',
  /** Evaluation-mode BatchNorm (+ ReLU) in one pass. */
  batchNormInfer: 'VadBatchNormInfer',
  /** One Adam update of a parameter and its moments. */
  adam: 'VadAdamUpdate',
} as const;

/** Backends whose own conv gradient kernels are fast (tfjs's conv2d gradients can be used as they are). */
const fastConvGradientBackends = new Set(['tensorflow']);
/** Backends that use every core inside each kernel (data-parallel worker threads add nothing). */
const multiThreadedBackends = new Set(['tensorflow']);

/** Declares a backend's capabilities (called by whoever registers the backend). */
export function declareBackend(name: string, caps: { fastConvGradients?: boolean; multiThreaded?: boolean }): void {
  if (caps.fastConvGradients === true) fastConvGradientBackends.add(name);
  if (caps.multiThreaded === true) multiThreadedBackends.add(name);
}

/** True when the active backend has a kernel named `name` (e.g. one of {@link fusedKernelNames}). */
export function hasKernel(name: string): boolean {
  return tf.getKernel(name, tf.getBackend()) !== undefined;
}

/** True when tfjs's built-in conv2d gradients are fast on the active backend. */
export function hasFastConvGradients(): boolean {
  return fastConvGradientBackends.has(tf.getBackend());
}

/**
 * True when the active (or named) backend spreads each kernel over all cores.
 *
 * @example
 * isMultiThreaded('wasm'); // => false (one thread per tfjs instance in Node)
 */
export function isMultiThreaded(backend: string = tf.getBackend()): boolean {
  return multiThreadedBackends.has(backend);
}
