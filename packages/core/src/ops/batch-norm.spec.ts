import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { batchNorm, type BatchNormWeights } from './batch-norm';
import { channelSum } from './channel-sum';

const rng = createRng('batch-norm.spec');

function weights(channels: number, gamma?: tf.Tensor1D, beta?: tf.Tensor1D): BatchNormWeights {
  return {
    gamma: tf.variable(gamma ?? tf.ones([channels])),
    beta: tf.variable(beta ?? tf.zeros([channels])),
    runningMean: tf.variable(tf.zeros([channels]), false),
    runningVar: tf.variable(tf.ones([channels]), false),
  };
}

function disposeWeights(w: BatchNormWeights): void {
  tf.dispose([w.gamma, w.beta, w.runningMean, w.runningVar]);
}

/** Plain autodiff BatchNorm (biased batch variance), the reference. */
function plainBatchNorm(x: tf.Tensor4D, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), gamma), beta);
}

describe('batchNorm (cpu)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('normalises [1, 3] to [-1, 1] and moves running stats by momentum 0.1 (unbiased variance)', () => {
    const w = weights(1);
    const y = tf.tidy(() => batchNorm(tf.tensor4d([1, 3], [1, 1, 2, 1]), w, true));
    const out = Array.from(y.dataSync());
    expect(out[0]).toBeCloseTo(-1 / Math.sqrt(1 + 1e-5), 6);
    expect(out[1]).toBeCloseTo(1 / Math.sqrt(1 + 1e-5), 6);
    expect(w.runningMean.dataSync()[0]).toBeCloseTo(0.2, 6); // 0.9·0 + 0.1·2
    expect(w.runningVar.dataSync()[0]).toBeCloseTo(1.1, 6); // 0.9·1 + 0.1·(2 / 1), unbiased
    y.dispose();
    disposeWeights(w);
  });

  it('evaluation mode uses the running statistics and leaves them unchanged', () => {
    const w = weights(1);
    tf.tidy(() => {
      w.runningMean.assign(tf.tensor1d([1]));
      w.runningVar.assign(tf.tensor1d([4 - 1e-5]));
    });
    const y = tf.tidy(() => batchNorm(tf.tensor4d([1, 5], [1, 1, 2, 1]), w, false));
    expect(Array.from(y.dataSync()).map((v) => Number(v.toFixed(5)))).toEqual([0, 2]);
    expect(w.runningMean.dataSync()[0]).toBe(1);
    y.dispose();
    disposeWeights(w);
  });

  it('value and gradients (x, γ, β) match autodiff of the plain formula within 1e-4', () => {
    tf.tidy(() => {
      const x = tf.randomNormal([3, 4, 5, 6], 2, 3, 'float32', rng.nextSeed()) as tf.Tensor4D;
      const gamma = tf.randomNormal([6], 1, 0.5, 'float32', rng.nextSeed()) as tf.Tensor1D;
      const beta = tf.randomNormal([6], 0, 1, 'float32', rng.nextSeed()) as tf.Tensor1D;
      const r = tf.randomNormal([3, 4, 5, 6], 0, 1, 'float32', rng.nextSeed());
      const w = weights(6, gamma, beta);
      const ours = tf.variableGrads(() => tf.sum(tf.mul(batchNorm(x, w, true), r)) as tf.Scalar, [w.gamma, w.beta]);
      const dxOurs = tf.grad((xs: tf.Tensor) => tf.sum(tf.mul(batchNorm(xs as tf.Tensor4D, w, true), r)))(x);
      const reference = tf.grads((xs: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(plainBatchNorm(xs as tf.Tensor4D, g, b), r)))([x, gamma, beta]);
      const rel = (a: tf.Tensor, b: tf.Tensor) => (tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] ?? NaN) / (tf.max(tf.abs(b)).dataSync()[0] ?? NaN);
      expect(rel(batchNorm(x, w, true), plainBatchNorm(x, gamma, beta))).toBeLessThan(1e-4);
      expect(rel(dxOurs, reference[0] as tf.Tensor)).toBeLessThan(1e-4);
      expect(rel(ours.grads[w.gamma.name] as tf.Tensor, reference[1] as tf.Tensor)).toBeLessThan(1e-4);
      expect(rel(ours.grads[w.beta.name] as tf.Tensor, reference[2] as tf.Tensor)).toBeLessThan(1e-4);
      disposeWeights(w);
    });
  });

  it('channelSum sums every axis but the last: [[1, 2], [3, 4]] ⇒ [4, 6]', () => {
    const s = tf.tidy(() => channelSum(tf.tensor4d([1, 2, 3, 4], [1, 2, 1, 2])));
    expect(Array.from(s.dataSync())).toEqual([4, 6]);
    s.dispose();
  });
});
