import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../packages/core/src/backend';
await initBackend('wasm');
function time(name: string, fn: () => tf.Tensor, reps = 5) { fn().dispose(); const t = performance.now(); for (let i = 0; i < reps; i++) { const y = fn(); y.dataSync(); y.dispose(); } console.log(name.padEnd(40), ((performance.now() - t) / reps).toFixed(2), 'ms'); }
const x = tf.randomNormal([24, 32, 32, 32]) as tf.Tensor4D; // 786k
time('depthToSpace [24,32,32,32]', () => tf.depthToSpace(x, 2));
time('reshape-transpose d2s', () => { const r = tf.reshape(x, [24 * 32, 32, 2, 2 * 8]); return tf.transpose(r, [0, 2, 1, 3]); });
time('transpose [3,1,2,0]', () => tf.transpose(x, [3, 1, 2, 0]));
time('transpose [1,2,0,3]', () => tf.transpose(x, [1, 2, 0, 3]));
const c5 = tf.randomNormal([8, 3, 64, 64, 3]) as tf.Tensor5D;
time('slice 5D middle frame', () => tf.slice(c5, [0, 1, 0, 0, 0], [-1, 1, -1, -1, -1]));
time('slice as 3D middle frame', () => tf.slice(tf.reshape(c5, [8, 3, 64 * 64 * 3]), [0, 1, 0], [-1, 1, -1]));
const w = tf.randomNormal([7, 7, 64, 128]) as tf.Tensor4D;
time('reverse [7,7,64,128] axes 0,1', () => tf.reverse(w, [0, 1]));
time('reverse 2D rows', () => tf.reverse(tf.reshape(w, [49, 64 * 128]), 0));
const m = tf.randomUniform([8, 64, 64]);
time('notEqual small', () => tf.notEqual(m, 0));
time('mul 786k', () => tf.mul(x, x));
time('add bias 786k', () => tf.add(x, tf.ones([32])));
time('channelSum matmul 786k', () => tf.matMul(tf.ones([1, 24 * 32 * 32]), tf.reshape(x, [-1, 32])));
time('sum axis0 786k', () => tf.sum(tf.reshape(x, [-1, 32]), 0));
time('batchNorm 786k', () => tf.batchNorm(x, tf.zeros([32]), tf.ones([32]), tf.zeros([32]), tf.ones([32]), 1e-5));
time('relu 786k', () => tf.relu(x));
time('step 786k', () => tf.step(x));
time('concat 2x786k', () => tf.concat([x, x], 3));
