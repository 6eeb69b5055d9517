import type { KernelConfig } from '@tensorflow/tfjs';
import { adamKernelName, batchNormGradKernelName, batchNormInferKernelName, batchNormTrainKernelName } from '../kernel-names';
import { allFloat, input, nativeKernel, sizeOf } from './kernel-util';

interface BatchNormTrainAttrs {
  readonly epsilon: number;
  readonly momentum: number;
  readonly relu: boolean;
}

/** Training-mode BatchNorm over the last axis (+ ReLU) with the running-statistics update. */
const batchNormTrain = nativeKernel<BatchNormTrainAttrs>(batchNormTrainKernelName, ({ inputs, attrs, backend }) => {
  const x = input(inputs, 'x');
  const channels = x.shape[x.shape.length - 1] ?? 1;
  const rows = sizeOf(x.shape) / channels;
  const [gamma, beta, rm, rv] = ['gamma', 'beta', 'runningMean', 'runningVar'].map((n) => input(inputs, n));
  const y = backend.output(x.shape);
  const [mean, variance, newMean, newVar] = [0, 1, 2, 3].map(() => backend.output([channels]));
  backend.addon.bnTrain(
    backend.f32(x), rows, channels, backend.f32(gamma!), backend.f32(beta!), backend.f32(rm!), backend.f32(rv!), attrs.epsilon, attrs.momentum, attrs.relu,
    y.values, mean!.values, variance!.values, newMean!.values, newVar!.values,
  );
  return [y.info, mean!.info, variance!.info, newMean!.info, newVar!.info];
});

interface BatchNormGradAttrs {
  readonly epsilon: number;
  readonly relu: boolean;
}

const batchNormGrad = nativeKernel<BatchNormGradAttrs>(batchNormGradKernelName, ({ inputs, attrs, backend }) => {
  const [dy, x, mean, variance, gamma] = ['dy', 'x', 'mean', 'variance', 'gamma'].map((n) => input(inputs, n));
  const y = attrs.relu ? input(inputs, 'y') : null;
  const channels = x!.shape[x!.shape.length - 1] ?? 1;
  const dx = backend.output(x!.shape);
  const dGamma = backend.output([channels]);
  const dBeta = backend.output([channels]);
  backend.addon.bnGrad(
    backend.f32(dy!), backend.f32(x!), y === null ? null : backend.f32(y), sizeOf(x!.shape) / channels, channels,
    backend.f32(mean!), backend.f32(variance!), backend.f32(gamma!), attrs.epsilon, dx.values, dGamma.values, dBeta.values,
  );
  return [dx.info, dGamma.info, dBeta.info];
});

/** tfjs's FusedBatchNorm (evaluation mode), when every statistic is one value per channel. */
const fusedBatchNorm = nativeKernel<{ varianceEpsilon: number }>('FusedBatchNorm', ({ inputs, attrs, backend }) => {
  const x = input(inputs, 'x');
  const [mean, variance] = [input(inputs, 'mean'), input(inputs, 'variance')];
  const { scale, offset } = inputs;
  const channels = x.shape[x.shape.length - 1] ?? 1;
  const perChannel = [mean, variance, scale, offset].every((t) => t === undefined || sizeOf(t.shape) === channels);
  if (!perChannel || !allFloat(x, mean, variance, scale, offset)) return null;
  const y = backend.output(x.shape);
  backend.addon.bnInfer(
    backend.f32(x), sizeOf(x.shape) / channels, channels, backend.f32(mean), backend.f32(variance),
    scale === undefined ? null : backend.f32(scale), offset === undefined ? null : backend.f32(offset), attrs.varianceEpsilon, y.values,
  );
  return y.info;
});

/** Evaluation-mode BatchNorm with the ReLU fused (one pass). */
const batchNormInfer = nativeKernel<{ epsilon: number; relu: boolean }>(batchNormInferKernelName, ({ inputs, attrs, backend }) => {
  const [x, mean, variance, scale, offset] = ['x', 'mean', 'variance', 'scale', 'offset'].map((n) => input(inputs, n));
  const channels = x!.shape[x!.shape.length - 1] ?? 1;
  const y = backend.output(x!.shape);
  backend.addon.bnInfer(backend.f32(x!), sizeOf(x!.shape) / channels, channels, backend.f32(mean!), backend.f32(variance!), backend.f32(scale!), backend.f32(offset!), attrs.epsilon, y.values, attrs.relu);
  return y.info;
});

interface AdamAttrs {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly correction1: number;
  readonly correction2: number;
}

const adam = nativeKernel<AdamAttrs>(adamKernelName, ({ inputs, attrs, backend }) => {
  const [param, m, v, grad] = ['param', 'm', 'v', 'grad'].map((n) => input(inputs, n));
  const outs = [0, 1, 2].map(() => backend.output(param!.shape));
  const { lr, beta1, beta2, epsilon, correction1, correction2 } = attrs;
  backend.addon.adam(
    backend.f32(param!), backend.f32(m!), backend.f32(v!), backend.f32(grad!), lr, beta1, beta2, epsilon, correction1, correction2,
    outs[0]!.values, outs[1]!.values, outs[2]!.values,
  );
  return outs.map((o) => o.info);
});

/** BatchNorm and Adam kernels of the native backend. */
export const fusedKernels: KernelConfig[] = [batchNormTrain, batchNormGrad, batchNormInfer, fusedBatchNorm, adam];
