import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { distinctionLoss, maxErrorLoss, pixelError, pseudoSamples, reconstructionLoss, reconstructNormalLoss } from './loss';
import { middleFrame, pseudoLoss } from './loss-modes';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const px = (values: number[][], w = values.length): tf.Tensor4D => tf.tensor4d(values.flat(), [1, 1, w, values[0]!.length]);
const fill = (v: number): number[] => [v, v, v, v];

describe('pixelError / reconstructionLoss', () => {
  it('is the per-pixel channel L2 divided by √C', () => {
    const a = px([fill(1), [3, 4, 0, 0]]);
    const b = px([fill(0), fill(0)]);
    expect(Array.from(pixelError(a, b).dataSync())).toEqual([1, 2.5]); // √4/2, 5/2
    expect(reconstructionLoss(b, a).dataSync()[0]).toBeCloseTo(1.75, 6); // (1 + 2.5) / 2
  });

  it('has gradient 0 (not NaN) where the error is 0, and matches tf.grad of the plain formula elsewhere', () => {
    const b = tf.tensor4d([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], [1, 1, 2, 3]);
    const atZero = tf.grad((a: tf.Tensor) => tf.sum(pixelError(a as tf.Tensor4D, b)))(b);
    expect(Array.from(atZero.dataSync())).toEqual([0, 0, 0, 0, 0, 0]);
    const a = tf.tensor4d([0.9, 0.1, 0.7, 0.2, 0.8, 0.3], [1, 1, 2, 3]);
    const ours = tf.grad((x: tf.Tensor) => tf.sum(pixelError(x as tf.Tensor4D, b)))(a).dataSync();
    const plain = tf.grad((x: tf.Tensor) => tf.sum(tf.div(tf.sqrt(tf.sum(tf.square(tf.sub(x, b)), -1)), Math.sqrt(3))))(a).dataSync();
    for (let i = 0; i < 6; i++) expect(ours[i]).toBeCloseTo(plain[i]!, 6);
  });
});

describe('distinctionLoss', () => {
  // Three pixels, C = 4, mask [1, 1, 0]; X_t = 0.
  const frames = () => ({
    target: px([fill(0), fill(0), fill(0)]),
    reconstruction: px([fill(1), fill(0.5), fill(2)]), // f(X_A)
    anomalous: px([fill(0.5), fill(1.5), fill(7)]), // X_t^A
    maskT: tf.tensor3d([1, 1, 0], [1, 1, 3]),
  });

  it('averages (P + ε·M)/(N + ε) over the masked pixels', () => {
    // P = [1, 0.5, 0], N = [0.5, 1, 0] (÷ √4 of norms 2, 1, …)
    const t = distinctionLoss(frames(), 1e-6);
    const expected = ((1 + 1e-6) / (0.5 + 1e-6) + (0.5 + 1e-6) / (1 + 1e-6)) / 2; // ≈ 1.2499988
    expect(t.lDist.dataSync()[0]).toBeCloseTo(expected, 5);
    expect(t.p.dataSync()[0]).toBeCloseTo(0.75, 6);
    expect(t.n.dataSync()[0]).toBeCloseTo(0.75, 6);
    expect(t.count.dataSync()[0]).toBe(2);
  });

  it('is 0 everywhere when nothing is masked', () => {
    const t = distinctionLoss({ ...frames(), maskT: tf.zeros([1, 1, 3]) as tf.Tensor3D }, 1e-6);
    expect([t.lDist, t.p, t.n, t.count].map((s) => s.dataSync()[0])).toEqual([0, 0, 0, 0]);
  });

  it('does not leak tensors', () => {
    const f = frames();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) Object.values(distinctionLoss(f, 1e-6)).forEach((s: tf.Tensor) => s.dispose());
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('pseudo-sample losses', () => {
  it('reconstruct-normal: MSE to the normal frame over pseudo samples only', () => {
    const f = { target: tf.zeros([2, 1, 1, 1]) as tf.Tensor4D, reconstruction: tf.tensor4d([0.5, 0.9], [2, 1, 1, 1]) };
    const frames = { ...f, anomalous: f.target, maskT: tf.ones([2, 1, 1]) as tf.Tensor3D };
    expect(reconstructNormalLoss(frames, tf.tensor1d([1, 0])).dataSync()[0]).toBeCloseTo(0.25, 6);
    expect(reconstructNormalLoss(frames, tf.tensor1d([1, 1])).dataSync()[0]).toBeCloseTo((0.25 + 0.81) / 2, 6);
    expect(reconstructNormalLoss(frames, tf.tensor1d([0, 0])).dataSync()[0]).toBe(0);
  });

  it('max-error: hinge on the changed region, or the whole frame when the middle frame has none', () => {
    const frames = {
      target: tf.zeros([2, 1, 2, 1]) as tf.Tensor4D,
      anomalous: tf.tensor4d([0.4, 0, 0, 0], [2, 1, 2, 1]),
      reconstruction: tf.tensor4d([0.3, 0.9, 0.5, 0.1], [2, 1, 2, 1]),
      maskT: tf.tensor3d([1, 0, 0, 0], [2, 1, 2]),
    };
    // err = [|0.4 − 0.3|, (0.5 + 0.1)/2] = [0.1, 0.3]; margin 0.25 ⇒ hinge [0.15, 0]
    expect(maxErrorLoss(frames, tf.tensor1d([1, 1]), 0.25).dataSync()[0]).toBeCloseTo(0.075, 6);
    expect(maxErrorLoss(frames, tf.tensor1d([1, 0]), 0.25).dataSync()[0]).toBeCloseTo(0.15, 6);
    expect(maxErrorLoss(frames, tf.tensor1d([1, 1]), 0.05).dataSync()[0]).toBe(0);
  });

  it('pseudoSamples marks samples with any mask pixel; pseudoLoss dispatches by mode', () => {
    const mask = tf.tensor5d([0, 0, 0, 1, 0, 0], [2, 3, 1, 1, 1]);
    expect(Array.from(pseudoSamples(mask).dataSync())).toEqual([0, 1]);
    const frames = {
      target: tf.zeros([2, 1, 1, 1]) as tf.Tensor4D,
      anomalous: tf.fill([2, 1, 1, 1], 0.5) as tf.Tensor4D,
      reconstruction: tf.tensor4d([0.2, 0.6], [2, 1, 1, 1]),
      maskT: tf.squeeze(middleFrame(mask), [3]) as tf.Tensor3D, // [[[0]], [[0]]]: changes only in frame 0 of sample 1
    };
    const config = { lambda: 0.01, epsilon: 1e-6, maxErrorMargin: 0.5 };
    const dist = pseudoLoss({ ...config, mode: 'distinction' }, frames, mask);
    expect(dist.lPseudo.dataSync()[0]).toBe(dist.lDist.dataSync()[0]);
    expect(pseudoLoss({ ...config, mode: 'reconstruct-normal' }, frames, mask).lPseudo.dataSync()[0]).toBeCloseTo(0.36, 6);
    // sample 1: whole-frame err |0.5 − 0.6| = 0.1 ⇒ 0.5 − 0.1
    expect(pseudoLoss({ ...config, mode: 'max-error' }, frames, mask).lPseudo.dataSync()[0]).toBeCloseTo(0.4, 6);
  });

  it('middleFrame picks t = (T − 1)/2', () => {
    const clips = tf.tensor5d([1, 2, 3, 4, 5, 6], [2, 3, 1, 1, 1]);
    expect(Array.from(middleFrame(clips).dataSync())).toEqual([2, 5]);
  });
});
