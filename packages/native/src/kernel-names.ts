/**
 * Kernels of the native backend beyond tfjs's own set, by name. Core's ops run them through
 * `tf.engine().runKernel` when the active backend has them (and otherwise compose tfjs ops), so
 * these names and their inputs/attributes/outputs are a contract with `@vad/core`'s ops:
 *
 * - convBackward: inputs { x, filter, dy, y? }, attrs { strides, pad, activation, hasBias } ⇒ [dx, dw, db?]
 * - batchNormTrain: inputs { x, gamma, beta, runningMean, runningVar }, attrs { epsilon, momentum, relu }
 *   ⇒ [y, mean, variance (biased), new running mean, new running variance (unbiased update)]
 * - batchNormGrad: inputs { dy, x, mean, variance, gamma, y? (when relu) }, attrs { epsilon, relu } ⇒ [dx, dγ, dβ]
 * - batchNormInfer: inputs { x, mean, variance, scale, offset }, attrs { epsilon, relu } ⇒ y (evaluation mode, + ReLU)
 * - adam: inputs { param, m, v, grad }, attrs { lr, beta1, beta2, epsilon, correction1, correction2 } ⇒ [param', m', v']
 */
export const convBackwardKernelName = 'VadConv2DBackward';
export const batchNormTrainKernelName = 'VadBatchNormTrain';
export const batchNormGradKernelName = 'VadBatchNormGrad';
export const batchNormInferKernelName = 'VadBatchNormInfer';
export const adamKernelName = 'VadAdamUpdate';
