import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { adamUpdate, createAdam, disposeAdam } from './adam';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('adamUpdate', () => {
  it('follows PyTorch Adam on a hand-computed scalar case', () => {
    const p = tf.variable(tf.scalar(1));
    const adam = createAdam();
    adamUpdate(adam, 'p', p, tf.scalar(2), 0.1);
    // m = 0.2, v = 0.004, m̂/√v̂ = 0.2/0.1 / (√0.004/√0.001) = 1 ⇒ p = 1 − 0.1
    expect(p.dataSync()[0]).toBeCloseTo(0.9, 6);
    adamUpdate(adam, 'p', p, tf.scalar(-1), 0.1);
    const m = 0.9 * 0.2 + 0.1 * -1;
    const v = 0.999 * 0.004 + 0.001 * 1;
    const expected = 0.9 - (0.1 / (1 - 0.9 ** 2)) * (m / (Math.sqrt(v) / Math.sqrt(1 - 0.999 ** 2) + 1e-8));
    expect(p.dataSync()[0]).toBeCloseTo(expected, 6);
    expect(adam.slots.get('p')?.step).toBe(2);
  });

  it('matches tf.train.adam with the same hyper-parameters over several steps', () => {
    const init = [0.3, -0.2, 0.9, 0.05];
    const ours = tf.variable(tf.tensor1d(init));
    const theirs = tf.variable(tf.tensor1d(init));
    const adam = createAdam({ beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    const reference = tf.train.adam(0.01, 0.9, 0.999, 1e-8);
    const grads = [[0.5, -1, 2, 0.1], [0.4, 0.3, -2, 0.2], [-0.1, 0.2, 0.3, 0.4]];
    for (const g of grads) {
      adamUpdate(adam, 'w', ours, tf.tensor1d(g), 0.01);
      reference.applyGradients([{ name: theirs.name, tensor: tf.tensor1d(g) }]);
    }
    const a = ours.dataSync();
    const b = theirs.dataSync();
    for (let i = 0; i < init.length; i++) expect(a[i]).toBeCloseTo(b[i]!, 6);
  });

  it('keeps a stable tensor count and frees its state', () => {
    const p = tf.variable(tf.zeros([3]));
    const g = tf.ones([3]);
    const adam = createAdam();
    adamUpdate(adam, 'p', p, g, 0.1);
    const after = tf.memory().numTensors;
    adamUpdate(adam, 'p', p, g, 0.1);
    adamUpdate(adam, 'p', p, g, 0.1);
    expect(tf.memory().numTensors).toBe(after);
    disposeAdam(adam);
    expect(tf.memory().numTensors).toBe(after - 2);
  });
});
