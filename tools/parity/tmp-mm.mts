import * as tf from '@tensorflow/tfjs';
import { initBackend } from '@vad/core';
await initBackend('wasm');
const a = tf.ones([1, 1, 4]); const b = tf.reshape(tf.range(0, 24), [2, 4, 3]);
try { console.log(tf.matMul(a, b).shape, Array.from(tf.matMul(a, b).dataSync())); } catch (e) { console.log('broadcast fails', (e as Error).message); }
const x = tf.reshape(tf.range(0, 24), [2, 4, 3]); console.log('sum axis1', Array.from(tf.sum(x, 1).dataSync()));
