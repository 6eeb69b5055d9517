import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { batchNorm, type BatchNormWeights } from './batch-norm';
import { channelSum } from './channel-sum';

// The sums behind BatchNorm and bias gradients run over M = B·T·H·W rows: 98,304 for one batch of
// the small preset (B 8, T 3, 64×64). A single float32 GEMV accumulates them sequentially; on wasm
// that lost ~2e-5 relative per sum, BatchNorm's backward amplified it to 8e-5 on dx, and through the
// network to 3 % on some weight gradients and 14 % on dℓ (the gradient that moves σ) — while
// PyTorch, summing in double, was within 0.15 %. These checks against float64 would have caught it.
const [n, h, w, c] = [24, 64, 64, 8];
const rows = n * h * w;

/** Deterministic float32 values in shift ± scale/2. */
function values(count: number, seed: number, scale: number, shift: number): Float32Array {
  const out = new Float32Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = (s / 2 ** 32 - 0.5) * scale + shift;
  }
  return out;
}

/** Per-channel float64 sums of an [M, C] row-major array. */
function sums(x: Float32Array, weight?: (i: number, k: number) => number): Float64Array {
  const out = new Float64Array(c);
  for (let i = 0; i < rows; i++) for (let k = 0; k < c; k++) out[k] = (out[k] as number) + (x[i * c + k] as number) * (weight?.(i, k) ?? 1);
  return out;
}

/** BatchNorm's input gradient in float64 (γ = 1): (dy − mean(dy) − x̂·mean(dy·x̂)) / σ. */
function exactBatchNormGrad(x: Float32Array, dy: Float32Array): Float64Array {
  const mean = sums(x).map((s) => s / rows);
  const variance = new Float64Array(c);
  for (let i = 0; i < rows; i++) for (let k = 0; k < c; k++) variance[k] = (variance[k] as number) + ((x[i * c + k] as number) - (mean[k] as number)) ** 2 / rows;
  const std = variance.map((v) => Math.sqrt(v + 1e-5));
  const xHat = (i: number, k: number): number => ((x[i * c + k] as number) - (mean[k] as number)) / (std[k] as number);
  const dBeta = sums(dy);
  const dGamma = sums(dy, xHat);
  const dx = new Float64Array(rows * c);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < c; k++) dx[i * c + k] = ((dy[i * c + k] as number) - (dBeta[k] as number) / rows - xHat(i, k) * (dGamma[k] as number) / rows) / (std[k] as number);
  }
  return dx;
}

const maxRelative = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let d = 0;
  let s = 0;
  for (let k = 0; k < b.length; k++) {
    d = Math.max(d, Math.abs((a[k] as number) - (b[k] as number)));
    s = Math.max(s, Math.abs(b[k] as number));
  }
  return d / s;
};

describe.each(['wasm', 'cpu'] as const)('long channel sums against float64 (%s)', (backend) => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it(`channelSum over ${rows} rows is within 1e-6 relative`, { timeout: 60_000 }, async () => {
    await initBackend(backend);
    const x = values(rows * c, 1, 2, 0.7); // a mean offset, as activations after a biased conv have
    const ours = tf.tidy(() => channelSum(tf.tensor2d(x, [rows, c])).dataSync());
    expect(maxRelative(ours, sums(x))).toBeLessThan(1e-6);
  });

  it('the BatchNorm input gradient is within 2e-6 relative', { timeout: 120_000 }, async () => {
    await initBackend(backend);
    const x = values(rows * c, 1, 2, 0.7);
    const dy = values(rows * c, 2, 1e-3, 2e-4);
    const weights: BatchNormWeights = { gamma: tf.variable(tf.ones([c])), beta: tf.variable(tf.zeros([c])), runningMean: tf.variable(tf.zeros([c]), false), runningVar: tf.variable(tf.ones([c]), false) };
    const dyTensor = tf.tensor4d(dy, [n, h, w, c]);
    const dx = tf.tidy(() => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(batchNorm(t as tf.Tensor4D, weights, true), dyTensor)))(tf.tensor4d(x, [n, h, w, c])).dataSync());
    tf.dispose([weights.gamma, weights.beta, weights.runningMean, weights.runningVar, dyTensor]);
    expect(maxRelative(dx, exactBatchNormGrad(x, dy))).toBeLessThan(2e-6);
  });
});
