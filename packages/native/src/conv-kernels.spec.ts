import * as tf from '@tensorflow/tfjs';
import { conv2d, conv3dMiddle, type ConvActivation } from '@vad/core';
import { describe, expect, it } from 'vitest';
import { nativeStats } from './register';
import { nativeForTests, onBoth, randomData, relativeError } from './test-support';

const native = nativeForTests();

/** Value and gradients (w.r.t. every input) of Σ r·f(inputs), r the last input. */
function valueAndGrads(f: (xs: tf.Tensor[]) => tf.Tensor): (xs: tf.Tensor[]) => tf.Tensor[] {
  return (xs) => {
    const r = xs[xs.length - 1] as tf.Tensor;
    const args = xs.slice(0, -1);
    const grads = tf.grads((...a: tf.Tensor[]) => tf.sum(tf.mul(f(a), r)))(args);
    return [f(args), ...grads];
  };
}

function expectClose(cpu: tf.Tensor[], ours: tf.Tensor[], tolerance = 1e-4): void {
  expect(ours.length).toBe(cpu.length);
  ours.forEach((t, i) => {
    expect(t.shape).toEqual(cpu[i]?.shape);
    expect(relativeError(t, cpu[i] as tf.Tensor)).toBeLessThan(tolerance);
  });
}

function activate(y: tf.Tensor, activation: ConvActivation): tf.Tensor {
  return activation === 'relu' ? tf.relu(y) : activation === 'sigmoid' ? tf.sigmoid(y) : y;
}

describe.skipIf(!native.available)(`native convolutions vs the cpu backend ${native.reason}`, () => {
  const same: Array<[number, number, number, number, number, ConvActivation]> = [
    // k, H, W, ci, co, activation (odd sizes and channel counts)
    [1, 5, 7, 3, 5, 'linear'],
    [3, 7, 5, 3, 8, 'relu'],
    [3, 9, 9, 17, 5, 'sigmoid'],
    [5, 7, 6, 4, 3, 'relu'],
    [5, 11, 5, 3, 16, 'linear'],
    [7, 9, 7, 2, 3, 'relu'],
    [7, 8, 8, 5, 12, 'sigmoid'],
  ];
  it.each(same)("tf.conv2d 'same' k=%i %i×%i ci=%i co=%i: forward and tf.grad (dx, dw) within 1e-4", async (k, h, w, ci, co) => {
    const inputs = [randomData([3, h, w, ci], 1), randomData([k, k, ci, co], 2), randomData([3, h, w, co], 3)];
    const [cpu, ours] = await onBoth(inputs, valueAndGrads(([x, f]) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same')));
    expectClose(cpu, ours);
  });
  it.each(same)("core conv2d k=%i %i×%i ci=%i co=%i %s (fused bias/activation, fused backward): value, dx, dw, db within 1e-4", async (k, h, w, ci, co, activation) => {
    const inputs = [randomData([2, h, w, ci], 4), randomData([k, k, ci, co], 5), randomData([co], 6), randomData([2, h, w, co], 7)];
    const ours = await onBoth(inputs, valueAndGrads(([x, f, b]) => conv2d(x as tf.Tensor4D, f as tf.Tensor4D, { bias: b as tf.Tensor1D, activation })));
    // the reference: plain tfjs ops differentiated by tf.grad on the cpu backend
    const [reference] = await onBoth(inputs, valueAndGrads(([x, f, b]) => activate(tf.add(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same'), b as tf.Tensor), activation)));
    expectClose(reference, ours[1]);
    expectClose(reference, ours[0]);
  });
  it.each([
    [4, 6, 3, 5],
    [8, 10, 12, 7],
  ])('2×2 stride-2 patch conv %i×%i ci=%i co=%i: core conv2d and tf.conv2d, forward and gradients within 1e-4', async (h, w, ci, co) => {
    const inputs = [randomData([3, h, w, ci], 8), randomData([2, 2, ci, co], 9), randomData([co], 10), randomData([3, h / 2, w / 2, co], 11)];
    const [reference] = await onBoth(inputs, valueAndGrads(([x, f, b]) => tf.add(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 2, 'valid'), b as tf.Tensor)));
    const [, ours] = await onBoth(inputs, valueAndGrads(([x, f, b]) => conv2d(x as tf.Tensor4D, f as tf.Tensor4D, { bias: b as tf.Tensor1D, stride: 2 })));
    const [, tfOnNative] = await onBoth(inputs, valueAndGrads(([x, f, b]) => tf.add(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 2, 'valid'), b as tf.Tensor)));
    expectClose(reference, ours);
    expectClose(reference, tfOnNative);
  });
  it.each([
    [3, 4, 4],
    [3, 5, 3],
    [1, 3, 2],
  ])('Conv3d(T=%i, 3, 3) middle frame, c=%i co=%i: value and gradients vs tf.conv3d on cpu within 1e-4', async (t, c, co) => {
    const inputs = [randomData([2, t, 5, 7, c], 12), randomData([t, 3, 3, c, co], 13), randomData([co], 14), randomData([2, 5, 7, co], 15)];
    const middle = (t - 1) / 2;
    const [reference] = await onBoth(
      inputs,
      valueAndGrads(([x, f, b]) => tf.squeeze(tf.slice(tf.add(tf.conv3d(x as tf.Tensor5D, f as tf.Tensor5D, 1, 'same'), b as tf.Tensor), [0, middle, 0, 0, 0], [-1, 1, -1, -1, -1]), [1])),
    );
    const [, ours] = await onBoth(inputs, valueAndGrads(([x, f, b]) => conv3dMiddle(x as tf.Tensor5D, f as tf.Tensor5D, b as tf.Tensor1D)));
    expectClose(reference, ours);
  });
  it('Conv2DBackpropInput / Conv2DBackpropFilter kernels directly (stride 2, same padding, odd sizes) within 1e-4', async () => {
    const inputs = [randomData([2, 9, 7, 3], 16), randomData([3, 3, 3, 4], 17), randomData([2, 5, 4, 4], 18)];
    const before = nativeStats()?.primitivesCreated ?? 0;
    const [cpu, ours] = await onBoth(inputs, valueAndGrads(([x, f]) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 2, 'same')));
    expectClose(cpu, ours);
    expect(nativeStats()?.primitivesCreated ?? 0).toBeGreaterThan(before); // a new geometry: oneDNN primitives were made
  });
});
