import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../packages/core/src/backend';
import { filterGradSame, inputGradSame } from '../packages/core/src/ops/conv-gradients';
await initBackend('wasm');
function time(fn: () => tf.Tensor, reps = 4) { fn().dispose(); const t = performance.now(); for (let i = 0; i < reps; i++) { const y = fn(); y.dataSync(); y.dispose(); } return (performance.now() - t) / reps; }
const cases = [[24, 64, 3, 8], [24, 32, 8, 16], [24, 16, 16, 32], [24, 8, 32, 64], [8, 4, 64, 128], [8, 8, 64, 64], [8, 16, 32, 32], [8, 32, 16, 12]];
for (const k of [3, 7]) for (const [n, s, ci, co] of cases) {
  const x = tf.randomNormal([n, s, s, ci]) as tf.Tensor4D;
  const w = tf.randomNormal([k, k, ci, co]) as tf.Tensor4D;
  const dy = tf.randomNormal([n, s, s, co]) as tf.Tensor4D;
  const fwd = time(() => tf.conv2d(x, w, 1, 'same'));
  const dx = time(() => inputGradSame(dy, w));
  const dw = time(() => tf.tidy(() => filterGradSame(x, dy, k)));
  const xT = tf.transpose(x, [3, 1, 2, 0]) as tf.Tensor4D; const dyT = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
  const p = (k - 1) / 2;
  const dwConvOnly = time(() => tf.conv2d(xT, dyT, 1, [[0, 0], [p, p], [p, p], [0, 0]]));
  console.log(`k${k} N${n} ${s}² ${ci}->${co}: fwd ${fwd.toFixed(1)} dx ${dx.toFixed(1)} dw ${dw.toFixed(1)} (conv only ${dwConvOnly.toFixed(1)})`);
}
