import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../packages/core/src/backend';
import { flipSwap } from '../packages/core/src/ops/conv-gradients';
await initBackend('wasm');
function time(fn: () => tf.Tensor, reps = 6) { fn().dispose(); const t = performance.now(); for (let i = 0; i < reps; i++) { const y = fn(); y.dataSync(); y.dispose(); } return ((performance.now() - t) / reps).toFixed(1); }
const w = tf.randomNormal([7, 7, 64, 128]) as tf.Tensor4D;
const dy = tf.randomNormal([8, 4, 4, 128]) as tf.Tensor4D;
const x = tf.randomNormal([8, 4, 4, 64]) as tf.Tensor4D;
const wf = flipSwap(w);
console.log('flipSwap', time(() => flipSwap(w)));
console.log('transpose part', time(() => tf.transpose(tf.reshape(w, [49, 64, 128]), [0, 2, 1])));
console.log('eye+reverse', time(() => tf.reverse(tf.eye(49), 0)));
const sw = tf.reshape(tf.transpose(tf.reshape(w, [49, 64, 128]), [0, 2, 1]), [49, 128 * 64]);
const rev = tf.reverse(tf.eye(49), 0);
console.log('matmul 49x49 @ 49x8192', time(() => tf.matMul(rev, sw)));
console.log('conv dx pre-flipped', time(() => tf.conv2d(dy, wf, 1, 'same')));
console.log('conv fwd', time(() => tf.conv2d(x, w, 1, 'same')));
console.log('conv dx pre-flipped again', time(() => tf.conv2d(dy, wf, 1, 'same')));
