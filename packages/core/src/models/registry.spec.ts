import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { createModel, parseModelOptions } from './create-model';
import { modelFlops } from './model-flops';
import { modelRegistry } from './registry';

/** Tiny geometry so every registry entry runs forward and backward in well under a second on cpu. */
const tiny = { latent: 16, height: 16, width: 16, channels: 3 } as const;

describe.each(Object.keys(modelRegistry))('model contract: %s (cpu, tiny)', (type) => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  const options = parseModelOptions({ type, ...tiny });
  const frames = options.frames;

  it('defaults round-trip through the strict schema', () => {
    const spec = modelRegistry[type as keyof typeof modelRegistry];
    expect(spec.type).toBe(type);
    expect(spec.options.parse(spec.options.parse({ type }))).toEqual(spec.options.parse({ type }));
  });

  it('reconstructs [B, H, W, C] in (0, 1) in train and eval mode; parameters match the formula', () => {
    const model = createModel(options, createRng(1));
    expect(model.type).toBe(type);
    expect(model.geometry).toEqual({ frames, height: 16, width: 16, channels: 3 });
    expect(model.parameterCount()).toBe(modelFlops(options, 1).parameters);
    tf.tidy(() => {
      const clips = tf.randomUniform([2, frames, 16, 16, 3], 0, 1, 'float32', 5) as tf.Tensor5D;
      for (const training of [true, false]) {
        const y = model.apply(clips, training);
        expect(y.shape).toEqual([2, 16, 16, 3]);
        expect(tf.min(y).dataSync()[0]).toBeGreaterThan(0);
        expect(tf.max(y).dataSync()[0]).toBeLessThan(1);
      }
    });
    model.dispose();
  });

  it('same seed ⇒ identical weights; another seed ⇒ different weights', () => {
    const [a, b, c] = [createModel(options, createRng(3)), createModel(options, createRng(3)), createModel(options, createRng(4))];
    const first = (m: typeof a) => Array.from(m.variables()[0]?.variable.dataSync() ?? []);
    expect(a.variables().map((v) => v.name)).toEqual(b.variables().map((v) => v.name));
    a.variables().forEach((v, i) => expect(Array.from(v.variable.dataSync())).toEqual(Array.from(b.variables()[i]?.variable.dataSync() ?? [])));
    expect(first(a)).not.toEqual(first(c));
    [a, b, c].forEach((m) => m.dispose());
  });

  it('names are unique; BatchNorm running statistics are the only non-trainable weights', () => {
    const model = createModel(options, createRng(1));
    const names = model.variables().map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    const frozen = model.variables().filter((v) => !v.trainable).map((v) => v.name);
    expect(frozen.length).toBeGreaterThan(0);
    expect(frozen.every((n) => n.endsWith('.runningMean') || n.endsWith('.runningVar'))).toBe(true);
    expect(model.variables().every((v) => v.variable.trainable === v.trainable)).toBe(true);
    model.dispose();
  });

  it('every trainable weight but the unused last BatchNorm gets a gradient; no tensor leaks', () => {
    const model = createModel(options, createRng(2));
    const clips = tf.randomUniform([2, frames, 16, 16, 3], 0, 1, 'float32', 6) as tf.Tensor5D;
    const trainable = model.variables().filter((v) => v.trainable);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 2; i++) {
      tf.tidy(() => {
        const { grads } = tf.variableGrads(() => tf.mean(model.apply(clips, true)) as tf.Scalar, trainable.map((v) => v.variable));
        const missing = trainable.filter((v) => grads[v.variable.name] === undefined).map((v) => v.name);
        expect(missing).toEqual(['dec4.norm.gamma', 'dec4.norm.beta']);
      });
      tf.tidy(() => {
        model.apply(clips, false);
      });
    }
    expect(tf.memory().numTensors).toBe(before);
    clips.dispose();
    model.dispose();
  });
});

describe('createModel errors', () => {
  it('names the known types for an unknown one', () => {
    expect(() => createModel({ type: 'vit' }, createRng(1))).toThrow('createModel(options.type) must be one of c3dsu, unet, conv-ae, but got "vit"');
  });

  it('reports every bad option at once in the house form', () => {
    let message = '';
    try {
      createModel({ type: 'c3dsu', height: 30, frames: 4, channels: 2, kernels: [3, 4], extra: 1 }, createRng(1));
    } catch (error) {
      message = (error as Error).message;
      expect((error as Error).name).toBe('UserError');
    }
    expect(message.split('\n').sort()).toEqual(
      [
        'createModel(options.extra): unknown key; allowed: type, latent, height, width, channels, kernels, frames',
        'createModel(options.height) must be a multiple of 16, but got 30',
        'createModel(options.frames) must be an odd positive integer, but got 4',
        'createModel(options.channels) must be 1 or 3, but got 2',
        'createModel(options.kernels[1]) must be an odd positive integer, but got 4',
      ].sort(),
    );
  });

  it('the frame models accept only T = 1', () => {
    expect(() => createModel({ type: 'unet', frames: 3 }, createRng(1))).toThrow('createModel(options.frames) must be 1 (the UNet sees single frames), but got 3');
  });
});
