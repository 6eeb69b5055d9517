import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { conv2d, type ConvActivation } from './conv2d';
import { conv3dMiddle } from './conv3d-middle';

/** max |a − b| / max |b|, over every element. */
function relativeError(a: tf.Tensor, b: tf.Tensor): number {
  const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] ?? NaN);
  const scale = tf.tidy(() => tf.max(tf.abs(b)).dataSync()[0] ?? NaN);
  return diff / Math.max(scale, 1e-12);
}

const rng = createRng('conv2d.spec');
const normal = (shape: number[]): tf.Tensor => tf.randomNormal(shape, 0, 1, 'float32', rng.nextSeed());

function activate(y: tf.Tensor4D, activation: ConvActivation): tf.Tensor4D {
  if (activation === 'relu') return tf.relu(y);
  if (activation === 'sigmoid') return tf.sigmoid(y);
  return y;
}

/** Value and gradients (x, w, b) of Σ r·f(x, w, b) for a fixed random r. */
function valueAndGrads(f: (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.Tensor, x: tf.Tensor, w: tf.Tensor, b: tf.Tensor, r: tf.Tensor): tf.Tensor[] {
  const y = f(x, w, b);
  const grads = tf.grads((xs: tf.Tensor, ws: tf.Tensor, bs: tf.Tensor) => tf.sum(tf.mul(f(xs, ws, bs), r)))([x, w, b]);
  return [y, ...grads];
}

describe('conv2d (cpu, against tf.grad of plain tf.conv2d)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const cases: Array<[number, number, number, ConvActivation]> = [
    [1, 3, 4, 'linear'],
    [3, 1, 2, 'relu'],
    [3, 4, 3, 'sigmoid'],
    [5, 2, 5, 'relu'],
    [5, 3, 1, 'linear'],
    [7, 3, 2, 'relu'],
    [7, 2, 3, 'sigmoid'],
  ];
  it.each(cases)('k=%i ci=%i co=%i %s: value, dx, dw, db within 1e-4', (k, ci, co, activation) => {
    tf.tidy(() => {
      const x = normal([2, 6, 5, ci]);
      const w = normal([k, k, ci, co]);
      const b = normal([co]);
      const r = normal([2, 6, 5, co]);
      const ours = valueAndGrads((xs, ws, bs) => conv2d(xs as tf.Tensor4D, ws as tf.Tensor4D, { bias: bs as tf.Tensor1D, activation }), x, w, b, r);
      const reference = valueAndGrads((xs, ws, bs) => activate(tf.add(tf.conv2d(xs as tf.Tensor4D, ws as tf.Tensor4D, 1, 'same'), bs), activation), x, w, b, r);
      ours.forEach((t, i) => {
        expect(t.shape).toEqual(reference[i]?.shape);
        expect(relativeError(t, reference[i] as tf.Tensor)).toBeLessThan(1e-4);
      });
    });
  });

  it('stride 2 (2×2 patches = space-to-depth + 1×1) matches tf.conv2d stride 2 valid, with gradients', () => {
    tf.tidy(() => {
      const x = normal([2, 6, 4, 3]);
      const w = normal([2, 2, 3, 5]);
      const b = normal([5]);
      const r = normal([2, 3, 2, 5]);
      const ours = valueAndGrads((xs, ws, bs) => conv2d(xs as tf.Tensor4D, ws as tf.Tensor4D, { bias: bs as tf.Tensor1D, stride: 2 }), x, w, b, r);
      const reference = valueAndGrads((xs, ws, bs) => tf.add(tf.conv2d(xs as tf.Tensor4D, ws as tf.Tensor4D, 2, 'valid'), bs), x, w, b, r);
      ours.forEach((t, i) => expect(relativeError(t, reference[i] as tf.Tensor)).toBeLessThan(1e-4));
    });
  });

  it('without bias returns gradients for x and w only', () => {
    tf.tidy(() => {
      const x = normal([1, 4, 4, 2]);
      const w = normal([3, 3, 2, 2]);
      const grads = tf.grads((xs: tf.Tensor, ws: tf.Tensor) => tf.sum(conv2d(xs as tf.Tensor4D, ws as tf.Tensor4D)))([x, w]);
      const reference = tf.grads((xs: tf.Tensor, ws: tf.Tensor) => tf.sum(tf.conv2d(xs as tf.Tensor4D, ws as tf.Tensor4D, 1, 'same')))([x, w]);
      grads.forEach((g, i) => expect(relativeError(g, reference[i] as tf.Tensor)).toBeLessThan(1e-4));
    });
  });

  it('a hand-computed 1×1 case: 2·[1, 2] + 1 = [3, 5]', () => {
    const y = tf.tidy(() => conv2d(tf.tensor4d([1, 2], [1, 1, 2, 1]), tf.tensor4d([2], [1, 1, 1, 1]), { bias: tf.tensor1d([1]) }));
    expect(Array.from(y.dataSync())).toEqual([3, 5]);
    y.dispose();
  });

  it('rejects even stride-1 kernels and mismatched channels with the house message', () => {
    tf.tidy(() => {
      expect(() => conv2d(tf.zeros([1, 4, 4, 2]) as tf.Tensor4D, tf.zeros([2, 2, 2, 1]) as tf.Tensor4D)).toThrow('conv2d(filter): stride 1 needs a square odd kernel, but got 2×2');
      expect(() => conv2d(tf.zeros([1, 4, 4, 2]) as tf.Tensor4D, tf.zeros([3, 3, 1, 1]) as tf.Tensor4D)).toThrow('conv2d(filter): input channels must be 2, but got 1');
    });
  });

  it('leaks no tensors through forward and backward', () => {
    const x = normal([1, 4, 4, 2]);
    const w = normal([3, 3, 2, 2]);
    const b = normal([2]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      tf.grads((xs: tf.Tensor, ws: tf.Tensor, bs: tf.Tensor) => tf.sum(conv2d(xs as tf.Tensor4D, ws as tf.Tensor4D, { bias: bs as tf.Tensor1D, activation: 'relu' })))([x, w, b]);
    });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, w, b]);
  });
});

describe('conv3dMiddle (cpu, against the middle frame of tf.conv3d)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each([
    [3, 2, 3],
    [1, 3, 2],
    [5, 2, 2],
  ])('T=%i c=%i co=%i: value and gradients within 1e-4', (t, c, co) => {
    tf.tidy(() => {
      const x = normal([2, t, 5, 4, c]);
      const w = normal([t, 3, 3, c, co]);
      const b = normal([co]);
      const r = normal([2, 5, 4, co]);
      const middle = (t - 1) / 2;
      const ours = valueAndGrads((xs, ws, bs) => conv3dMiddle(xs as tf.Tensor5D, ws as tf.Tensor5D, bs as tf.Tensor1D), x, w, b, r);
      const reference = valueAndGrads(
        (xs, ws, bs) => {
          const full = tf.add(tf.conv3d(xs as tf.Tensor5D, ws as tf.Tensor5D, 1, 'same'), bs); // [B, T, H, W, co]
          return tf.squeeze(tf.slice(full, [0, middle, 0, 0, 0], [-1, 1, -1, -1, -1]), [1]);
        },
        x,
        w,
        b,
        r,
      );
      ours.forEach((tensor, i) => expect(relativeError(tensor, reference[i] as tf.Tensor)).toBeLessThan(1e-4));
    });
  });
});
