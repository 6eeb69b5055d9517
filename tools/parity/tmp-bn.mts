import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@vad/core';
import { batchNorm } from '/work/wt-10/packages/core/src/ops/batch-norm.ts';
import { channelSum } from '/work/wt-10/packages/core/src/ops/channel-sum.ts';
await initBackend((process.env.BK as any) ?? 'cpu');
function rnd(n: number, seed: number, scale = 1, shift = 0) { const a = new Float32Array(n); let s = seed; for (let i = 0; i < n; i++) { s = (s * 1103515245 + 12345) >>> 0; a[i] = Math.fround(((s / 2 ** 32) - 0.5) * scale + shift); } return a; }
for (const [n, h, w, c] of [[24, 64, 64, 8], [24, 32, 32, 16], [8, 64, 64, 12]] as const) {
  const M = n * h * w;
  const x = rnd(M * c, 1, 2, 0.7), dy = rnd(M * c, 2, 1e-3, 2e-4);
  // float64 reference
  const mean = new Float64Array(c), v = new Float64Array(c);
  for (let i = 0; i < M; i++) for (let k = 0; k < c; k++) mean[k] += x[i * c + k]!;
  for (let k = 0; k < c; k++) mean[k] /= M;
  for (let i = 0; i < M; i++) for (let k = 0; k < c; k++) v[k] += (x[i * c + k]! - mean[k]!) ** 2;
  for (let k = 0; k < c; k++) v[k] /= M;
  const db = new Float64Array(c), dg = new Float64Array(c);
  for (let i = 0; i < M; i++) for (let k = 0; k < c; k++) { const xh = (x[i * c + k]! - mean[k]!) / Math.sqrt(v[k]! + 1e-5); db[k] += dy[i * c + k]!; dg[k] += dy[i * c + k]! * xh; }
  const dx = new Float64Array(M * c);
  for (let i = 0; i < M; i++) for (let k = 0; k < c; k++) { const xh = (x[i * c + k]! - mean[k]!) / Math.sqrt(v[k]! + 1e-5); dx[i * c + k] = (dy[i * c + k]! - db[k]! / M - xh * dg[k]! / M) / Math.sqrt(v[k]! + 1e-5); }
  const weights = { gamma: tf.variable(tf.ones([c])), beta: tf.variable(tf.zeros([c])), runningMean: tf.variable(tf.zeros([c]), false), runningVar: tf.variable(tf.ones([c]), false) };
  const xt = tf.tensor4d(x, [n, h, w, c]), dyt = tf.tensor4d(dy, [n, h, w, c]);
  const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(batchNorm(t as tf.Tensor4D, weights, true), dyt)))(xt).dataSync();
  const cs = channelSum(xt).dataSync();
  let e = 0, mx = 0, es = 0; for (let q = 0; q < dx.length; q++) { e = Math.max(e, Math.abs(g[q]! - dx[q]!)); mx = Math.max(mx, Math.abs(dx[q]!)); }
  for (let k = 0; k < c; k++) es = Math.max(es, Math.abs(cs[k]! - mean[k]! * M) / Math.abs(mean[k]! * M));
  console.log(tf.getBackend(), [n, h, w, c].join('x'), 'dx rel', (e / mx).toExponential(2), 'channelSum rel', es.toExponential(2));
}
