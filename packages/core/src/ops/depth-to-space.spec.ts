import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { depthToSpace2, spaceToDepth2 } from './depth-to-space';

const rng = createRng('depth-to-space.spec');

describe('depthToSpace2 / spaceToDepth2 (cpu)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('moves channel (p1·2 + p2) to pixel (p1, p2) and back', () => {
    tf.tidy(() => {
      const x = tf.tensor4d([1, 2, 3, 4], [1, 1, 1, 4]);
      const y = depthToSpace2(x);
      expect(y.shape).toEqual([1, 2, 2, 1]);
      expect(Array.from(y.dataSync())).toEqual([1, 2, 3, 4]);
      expect(Array.from(spaceToDepth2(y).dataSync())).toEqual([1, 2, 3, 4]);
    });
  });

  it('its gradient is space-to-depth of dy (matches autodiff of the reshape form)', () => {
    tf.tidy(() => {
      const x = tf.randomNormal([2, 3, 2, 8], 0, 1, 'float32', rng.nextSeed());
      const r = tf.randomNormal([2, 6, 4, 2], 0, 1, 'float32', rng.nextSeed());
      const ours = tf.grad((xs: tf.Tensor) => tf.sum(tf.mul(depthToSpace2(xs as tf.Tensor4D), r)))(x);
      const viaReshape = (xs: tf.Tensor) => tf.reshape(tf.transpose(tf.reshape(xs, [2, 3, 2, 2, 2, 2]), [0, 1, 3, 2, 4, 5]), [2, 6, 4, 2]);
      const reference = tf.grad((xs: tf.Tensor) => tf.sum(tf.mul(viaReshape(xs), r)))(x);
      expect(Array.from(depthToSpace2(x as tf.Tensor4D).dataSync())).toEqual(Array.from(viaReshape(x).dataSync()));
      expect(Array.from(ours.dataSync())).toEqual(Array.from(reference.dataSync()));
    });
  });
});
