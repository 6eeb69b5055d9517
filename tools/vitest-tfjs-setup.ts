import * as tf from '@tensorflow/tfjs';

// Test runs are not the place for tfjs's "install tfjs-node" banner (printed on first cpu-backend use).
// PROD only silences tfjs's warnings here; IS_TEST would also turn on tfjs's internal kernel-leak
// checks, which reject the BatchNorm forward that updates running statistics by `assign`.
tf.env().set('PROD', true);
