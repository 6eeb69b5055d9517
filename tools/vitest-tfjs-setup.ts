import * as tf from '@tensorflow/tfjs';

// Test runs are not the place for tfjs's "install tfjs-node" banner (printed on first cpu-backend use).
tf.env().set('IS_TEST', true);
