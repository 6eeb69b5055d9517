import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { ConvBlock } from './conv-block';
import { WeightBank } from './weight-bank';

/**
 * A literal NHWC port of the reference ConvBlock2d (PyTorch channel orders): concat of the
 * parallel convs in kernel order, BatchNorm (batch statistics), ReLU, pixel_unshuffle /
 * pixel_shuffle with channel c·4 + p1·2 + p2, 1×1 conv, BatchNorm, ReLU. Our block must equal it
 * once our weights are permuted into the reference layout.
 */
function bn(x: tf.Tensor4D): tf.Tensor4D {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  return tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))) as tf.Tensor4D; // γ = 1, β = 0
}
function pixelUnshuffle(x: tf.Tensor4D): tf.Tensor4D {
  const [n, hh, ww, c] = x.shape;
  const r = tf.reshape(x, [n, hh / 2, 2, ww / 2, 2, c]);
  return tf.reshape(tf.transpose(r, [0, 1, 3, 5, 2, 4]), [n, hh / 2, ww / 2, 4 * c]) as tf.Tensor4D; // c·4 + p1·2 + p2
}
function pixelShuffle(x: tf.Tensor4D): tf.Tensor4D {
  const [n, h, w, c4] = x.shape;
  const r = tf.reshape(x, [n, h, w, c4 / 4, 2, 2]);
  return tf.reshape(tf.transpose(r, [0, 1, 4, 2, 5, 3]), [n, 2 * h, 2 * w, c4 / 4]) as tf.Tensor4D;
}

const value = (bank: WeightBank, name: string): tf.Tensor => {
  const found = bank.variables().find((v) => v.name === name);
  if (found === undefined) throw new Error(`no weight ${name}`);
  return found.variable;
};

describe('ConvBlock equals the reference ConvBlock2d (cpu)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('down block: per-branch BN + 2×2 stride-2 convs = concat, BN, ReLU, pixel_unshuffle, 1×1, BN, ReLU', () => {
    tf.tidy(() => {
      const [cin, out, kernels] = [2, 3, [3, 5, 7]];
      const bank = new WeightBank(createRng('down'));
      const block = new ConvBlock(bank, 'b', { inChannels: cin, outChannels: out, kernels, decode: false });
      const x = tf.randomNormal([2, 4, 6, cin], 0, 1, 'float32', 11) as tf.Tensor4D;
      const branches = kernels.map((_, g) => tf.add(tf.conv2d(x, value(bank, `b.branch${g}.weight`) as tf.Tensor4D, 1, 'same'), value(bank, `b.branch${g}.bias`)));
      const hidden = pixelUnshuffle(tf.relu(bn(tf.concat(branches, 3) as tf.Tensor4D)));
      const proj = tf.stack(kernels.map((_, g) => value(bank, `b.projection${g}.weight`))); // [g, p1, p2, o', o]
      const w1 = tf.reshape(tf.transpose(proj, [0, 3, 1, 2, 4]), [1, 1, kernels.length * out * 4, out]) as tf.Tensor4D;
      const reference = tf.relu(bn(tf.add(tf.conv2d(hidden, w1, 1, 'valid'), value(bank, 'b.projection.bias')) as tf.Tensor4D));
      const ours = block.apply(x, true);
      expect(ours.shape).toEqual([2, 2, 3, out]);
      expect(tf.max(tf.abs(tf.sub(ours, reference))).dataSync()[0]).toBeLessThan(1e-4);
      bank.dispose();
    });
  });

  it('up block: (p, o) channel order + 1×1 before depth-to-space = concat, BN, ReLU, pixel_shuffle, 1×1, BN, ReLU', () => {
    tf.tidy(() => {
      const [cin, out, kernels] = [3, 2, [3, 5]];
      const bank = new WeightBank(createRng('up'));
      const block = new ConvBlock(bank, 'b', { inChannels: cin, outChannels: out, kernels, decode: true });
      const x = tf.randomNormal([2, 3, 2, cin], 0, 1, 'float32', 12) as tf.Tensor4D;
      // our branch channel p·out + o'  ↔  reference channel o'·4 + p
      const toReference = (t: tf.Tensor) => tf.reshape(tf.transpose(tf.reshape(t, [...t.shape.slice(0, -1), 4, out]), [...t.shape.slice(0, -1).map((_, i) => i), t.rank + 0, t.rank - 1]), t.shape);
      const branches = kernels.map((_, g) => tf.add(tf.conv2d(x, toReference(value(bank, `b.branch${g}.weight`)) as tf.Tensor4D, 1, 'same'), toReference(value(bank, `b.branch${g}.bias`))));
      const hidden = pixelShuffle(tf.relu(bn(tf.concat(branches, 3) as tf.Tensor4D)));
      const w1 = tf.reshape(tf.concat(kernels.map((_, g) => tf.reshape(value(bank, `b.projection${g}.weight`), [out, out])), 0), [1, 1, kernels.length * out, out]) as tf.Tensor4D;
      const reference = tf.relu(bn(tf.add(tf.conv2d(hidden, w1, 1, 'valid'), value(bank, 'b.projection.bias')) as tf.Tensor4D));
      const ours = block.apply(x, true);
      expect(ours.shape).toEqual([2, 6, 4, out]);
      expect(tf.max(tf.abs(tf.sub(ours, reference))).dataSync()[0]).toBeLessThan(1e-4);
      bank.dispose();
    });
  });
});
