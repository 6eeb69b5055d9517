import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../packages/core/src/backend';
await initBackend('wasm');
function time(name: string, fn: () => tf.Tensor, reps = 10) { fn().dispose(); const t = performance.now(); for (let i = 0; i < reps; i++) { const y = fn(); y.dataSync(); y.dispose(); } console.log(name.padEnd(40), ((performance.now() - t) / reps).toFixed(2), 'ms'); }
const w = tf.randomNormal([7, 7, 64, 128]) as tf.Tensor4D;
const idx = tf.tensor1d(Array.from({ length: 49 }, (_, i) => 48 - i), 'int32');
for (let r = 0; r < 2; r++) {
time('reverse axes 0,1 + transpose', () => tf.transpose(tf.reverse(w, [0, 1]), [0, 1, 3, 2]));
time('transpose3d + gather', () => tf.gather(tf.transpose(tf.reshape(w, [49, 64, 128]), [0, 2, 1]), idx));
time('transpose only', () => tf.transpose(w, [0, 1, 3, 2]));
time('gather only', () => tf.gather(tf.reshape(w, [49, 64 * 128]), idx));
}
