import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@vad/core';
import { filterGradSame, inputGradSame } from '/work/wt-10/packages/core/src/ops/conv-gradients.ts';
await initBackend((process.env.BK as any) ?? 'cpu');
function rnd(n: number, seed: number) { const a = new Float32Array(n); let s = seed; for (let i = 0; i < n; i++) { s = (s * 1103515245 + 12345) >>> 0; a[i] = Math.fround((s / 2 ** 32) - 0.5); } return a; }
for (const [n, h, w, ci, co, k] of [[24, 8, 8, 32, 64, 7], [24, 64, 64, 3, 8, 3], [8, 4, 4, 64, 128, 7], [24, 64, 64, 3, 8, 7]] as const) {
  const x = rnd(n * h * w * ci, 1), dy = rnd(n * h * w * co, 2);
  const p = (k - 1) / 2;
  // float64 reference dw[a,b,i,o] = Σ x[n, y+a-p, x+b-p, i] dy[n, y, x, o]
  const ref = new Float64Array(k * k * ci * co);
  for (let N = 0; N < n; N++) for (let y = 0; y < h; y++) for (let X = 0; X < w; X++) for (let a = 0; a < k; a++) { const yy = y + a - p; if (yy < 0 || yy >= h) continue; for (let b = 0; b < k; b++) { const xx = X + b - p; if (xx < 0 || xx >= w) continue;
    const xo = ((N * h + yy) * w + xx) * ci, dyo = ((N * h + y) * w + X) * co, ro = (a * k + b) * ci * co;
    for (let i = 0; i < ci; i++) { const xv = x[xo + i]!; for (let o = 0; o < co; o++) ref[ro + i * co + o] += xv * dy[dyo + o]!; } } }
  const ours = tf.tidy(() => filterGradSame(tf.tensor4d(x, [n, h, w, ci]), tf.tensor4d(dy, [n, h, w, co]), k).dataSync());
  const plain = tf.getBackend() === 'wasm' ? ours : tf.tidy(() => tf.grad((f: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(tf.tensor4d(x, [n, h, w, ci]), f as tf.Tensor4D, 1, 'same'), tf.tensor4d(dy, [n, h, w, co]))))(tf.zeros([k, k, ci, co])).dataSync());
  let mx = 0, e1 = 0, e2 = 0; for (let q = 0; q < ref.length; q++) { mx = Math.max(mx, Math.abs(ref[q]!)); e1 = Math.max(e1, Math.abs(ours[q]! - ref[q]!)); e2 = Math.max(e2, Math.abs(plain[q]! - ref[q]!)); }
  console.log(tf.getBackend(), [n, h, w, ci, co, k].join('x'), 'max', mx.toExponential(2), 'ours rel', (e1 / mx).toExponential(2), 'tf.grad rel', (e2 / mx).toExponential(2));
}
