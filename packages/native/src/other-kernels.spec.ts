import * as tf from '@tensorflow/tfjs';
import { adamUpdate, batchNorm, batchNormRelu, createAdam, disposeAdam, fusedKernelNames, type BatchNormWeights } from '@vad/core';
import { describe, expect, it } from 'vitest';
import { adamKernelName, batchNormGradKernelName, batchNormInferKernelName, batchNormTrainKernelName, convBackwardKernelName } from './kernel-names';
import { nativeForTests, onBoth, randomData, relativeError } from './test-support';

const native = nativeForTests();

function expectClose(cpu: tf.Tensor[], ours: tf.Tensor[], tolerance = 1e-4): void {
  expect(ours.length).toBe(cpu.length);
  ours.forEach((t, i) => {
    expect(t.shape).toEqual(cpu[i]?.shape);
    expect(t.dtype).toBe(cpu[i]?.dtype);
    expect(relativeError(t, cpu[i] as tf.Tensor)).toBeLessThan(tolerance);
  });
}

function bnWeights(gamma: tf.Tensor, beta: tf.Tensor): BatchNormWeights {
  const c = gamma.size;
  return {
    gamma: tf.variable(gamma as tf.Tensor1D),
    beta: tf.variable(beta as tf.Tensor1D),
    runningMean: tf.variable(tf.fill([c], 0.3) as tf.Tensor1D, false),
    runningVar: tf.variable(tf.fill([c], 2) as tf.Tensor1D, false),
  };
}

/** Plain autodiff BatchNorm (biased batch variance), the reference. */
function plainBatchNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), gamma), beta);
}

describe('the fused-kernel contract with @vad/core', () => {
  it('uses the same kernel names on both sides', () => {
    expect(fusedKernelNames).toEqual({
      convBackward: convBackwardKernelName, batchNormTrain: batchNormTrainKernelName, batchNormGrad: batchNormGradKernelName,
      batchNormInfer: batchNormInferKernelName, adam: adamKernelName,
    });
  });
});

describe.skipIf(!native.available)(`native BatchNorm, Adam, element-wise, reductions and layout vs the cpu backend ${native.reason}`, () => {
  it.each([
    [false, [4, 5, 7, 6]],
    [true, [3, 9, 5, 13]],
    [true, [24, 16, 16, 8]],
  ])('training BatchNorm (relu %s) %j: value, dx, dγ, dβ and running statistics within 1e-4', async (relu, shape) => {
    const c = shape[3] ?? 1;
    const inputs = [randomData(shape, 1, 2), randomData([c], 2, 1), randomData([c], 3), randomData(shape, 4)];
    const f = (fused: boolean) => ([x, g, b, r]: tf.Tensor[]) => {
      const w = bnWeights(g as tf.Tensor, b as tf.Tensor);
      const apply = (xs: tf.Tensor): tf.Tensor => {
        if (!fused) return relu ? tf.relu(plainBatchNorm(xs, w.gamma, w.beta)) : plainBatchNorm(xs, w.gamma, w.beta);
        return relu ? batchNormRelu(xs as tf.Tensor4D, w, true) : batchNorm(xs as tf.Tensor4D, w, true);
      };
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(apply(x as tf.Tensor), r as tf.Tensor)) as tf.Scalar, [w.gamma, w.beta]);
      const dx = tf.grad((xs: tf.Tensor) => tf.sum(tf.mul(apply(xs), r as tf.Tensor)))(x as tf.Tensor);
      const out = [value, dx, grads[w.gamma.name] as tf.Tensor, grads[w.beta.name] as tf.Tensor];
      if (fused) out.push(tf.clone(w.runningMean), tf.clone(w.runningVar)); // moved twice (two forward calls)
      tf.dispose([w.gamma, w.beta, w.runningMean, w.runningVar]);
      return out;
    };
    const [reference] = await onBoth(inputs, f(false));
    const [cpuOurs, nativeOurs] = await onBoth(inputs, f(true));
    expectClose(reference, nativeOurs.slice(0, 4));
    expectClose(cpuOurs, nativeOurs); // the running statistics too: core's tfjs formulation on cpu
  });
  it('evaluation BatchNorm (FusedBatchNorm) and its ReLU form within 1e-4', async () => {
    const inputs = [randomData([2, 5, 3, 7], 5), randomData([7], 6), randomData([7], 7)];
    const [cpu, ours] = await onBoth(inputs, ([x, g, b]) => {
      const w = bnWeights(g as tf.Tensor, b as tf.Tensor);
      const out = [batchNorm(x as tf.Tensor4D, w, false), batchNormRelu(x as tf.Tensor4D, w, false)];
      tf.dispose([w.gamma, w.beta, w.runningMean, w.runningVar]);
      return out;
    });
    expectClose(cpu, ours);
  });
  it('three Adam updates (fused kernel) equal the tfjs formulation within 1e-6', async () => {
    const inputs = [randomData([5, 7], 8), randomData([5, 7], 9), randomData([5, 7], 10)];
    const [cpu, ours] = await onBoth(inputs, ([p, g1, g2]) => {
      const adam = createAdam();
      const v = tf.variable(p as tf.Tensor);
      for (const g of [g1, g2, g1]) adamUpdate(adam, 'p', v, g as tf.Tensor, 0.01);
      const slot = adam.slots.get('p');
      const out = [tf.clone(v), tf.clone(slot?.m ?? v), tf.clone(slot?.v ?? v)];
      disposeAdam(adam);
      v.dispose();
      return out;
    });
    expectClose(cpu, ours, 1e-6);
  });
  const binaryCases: Array<[string, number[], number[]]> = [
    ['same shape', [3, 5, 7], [3, 5, 7]],
    ['row vector', [4, 3, 5, 6], [6]],
    ['column', [3, 5, 7], [3, 5, 1]],
    ['both broadcast', [3, 1, 7], [5, 1]],
    ['scalar', [3, 5], []],
    ['scalar first', [], [4, 2]],
  ];
  it.each(binaryCases)('binary ops with broadcasting (%s %j ⊕ %j), comparisons included, within 1e-6', async (_, sa, sb) => {
    const inputs = [randomData(sa, 11), randomData(sb, 12, 0.5)];
    const [cpu, ours] = await onBoth(inputs, ([a, b]) => {
      const [x, y] = [a as tf.Tensor, b as tf.Tensor];
      return [
        tf.add(x, y), tf.sub(x, y), tf.mul(x, y), tf.div(x, y), tf.squaredDifference(x, y), tf.maximum(x, y), tf.minimum(x, y), tf.divNoNan(x, tf.relu(y)),
        tf.greater(x, y), tf.less(x, y), tf.greaterEqual(x, y), tf.lessEqual(x, y), tf.notEqual(x, tf.round(x)), tf.equal(x, x),
      ];
    });
    expectClose(cpu, ours, 1e-6);
  });
  it('unary ops, AddN and ClipByValue within 1e-6', async () => {
    const inputs = [randomData([4, 9, 5], 13), randomData([4, 9, 5], 14)];
    const [cpu, ours] = await onBoth(inputs, ([a, b]) => {
      const [x, y] = [a as tf.Tensor, b as tf.Tensor];
      const pos = tf.add(tf.abs(x), 0.1);
      return [
        tf.relu(x), tf.sigmoid(x), tf.sqrt(pos), tf.rsqrt(pos), tf.square(x), tf.neg(x), tf.exp(x), tf.log(pos), tf.abs(x),
        tf.step(x, 0.2), tf.tanh(x), tf.reciprocal(pos), tf.clipByValue(x, -0.5, 0.7), tf.addN([x, y, x]),
      ];
    });
    expectClose(cpu, ours, 1e-6);
  });
  it.each([
    [[6, 5, 7, 3], [0, 1, 2], false],
    [[6, 5, 7, 3], [3], true],
    [[6, 5, 7, 3], [1, 3], false],
    [[6, 5, 7, 3], [1, 2], true],
    [[4, 3, 5, 2, 1], [1, 2, 3, 4], false],
    [[3001, 5], [0], false],
    [[7, 9], [0, 1], false],
  ])('Sum, Mean, Max, Min of %j over %j (keepDims %s) within 1e-5', async (shape, axes, keepDims) => {
    const [cpu, ours] = await onBoth([randomData(shape, 15)], ([x]) => [tf.sum(x!, axes, keepDims), tf.mean(x!, axes, keepDims), tf.max(x!, axes, keepDims), tf.min(x!, axes, keepDims)]);
    expectClose(cpu, ours, 1e-5);
  });
  it('transpose, concat (channel and middle axes), slice, split, pad and batch matmul within 1e-6', async () => {
    const inputs = [randomData([2, 3, 5, 4], 16), randomData([2, 3, 5, 6], 17), randomData([3, 7, 5], 18), randomData([3, 5, 4], 19)];
    const [cpu, ours] = await onBoth(inputs, ([a, b, m, n]) => {
      const [x, y] = [a as tf.Tensor4D, b as tf.Tensor4D];
      return [
        tf.transpose(x, [0, 2, 1, 3]), tf.transpose(x, [3, 1, 2, 0]), tf.concat([x, y], 3), tf.concat([x, x], 1),
        tf.slice(y, [1, 0, 2, 1], [1, 3, 2, 4]), ...tf.split(y, [2, 4], 3), tf.pad(x, [[0, 0], [1, 2], [0, 1], [0, 0]], 0.5),
        tf.matMul(m as tf.Tensor3D, n as tf.Tensor3D), tf.matMul(n as tf.Tensor3D, m as tf.Tensor3D, true, true), tf.matMul(tf.reshape(m!, [21, 5]), tf.reshape(n!, [5, 12])),
      ];
    });
    expectClose(cpu, ours, 1e-5);
  });
});
