import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { createModel } from './create-model';

describe('c3dsu', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('small preset (kernels [3, 5, 7], RGB, T = 3, latent 64, 64×64) has 1,566,008 parameters, as torch counts', () => {
    const model = createModel({ type: 'c3dsu', latent: 64, height: 64, width: 64, channels: 3, frames: 3, kernels: [3, 5, 7] }, createRng(1));
    expect(model.parameterCount()).toBe(1_566_008);
    const count = (prefix: string) => model.variables().filter((v) => v.trainable && v.name.startsWith(prefix)).reduce((s, v) => s + v.variable.size, 0);
    expect(count('enc')).toBe(291_816);
    expect(count('skip')).toBe(147_000);
    expect(count('dec')).toBe(1_127_192);
    model.dispose();
  });

  it('sees every frame of the clip through the Conv3d skips', () => {
    const model = createModel({ type: 'c3dsu', latent: 16, height: 16, width: 16 }, createRng(2));
    tf.tidy(() => {
      const clips = tf.randomUniform([1, 3, 16, 16, 3], 0, 1, 'float32', 3) as tf.Tensor5D;
      const changed = tf.concat([tf.zeros([1, 1, 16, 16, 3]), tf.slice(clips, [0, 1], [-1, 2])], 1) as tf.Tensor5D; // frame 0 blanked
      const diff = tf.max(tf.abs(tf.sub(model.apply(clips, false), model.apply(changed, false)))).dataSync()[0];
      expect(diff).toBeGreaterThan(1e-4);
    });
    model.dispose();
  });

  it('train mode updates the BatchNorm running statistics, eval mode does not', () => {
    const model = createModel({ type: 'c3dsu', latent: 16, height: 16, width: 16 }, createRng(2));
    const mean = model.variables().find((v) => v.name === 'enc1.branch0.norm.runningMean')?.variable;
    if (mean === undefined) throw new Error('missing enc1.branch0.norm.runningMean');
    const clips = tf.randomUniform([2, 3, 16, 16, 3], 0, 1, 'float32', 4) as tf.Tensor5D;
    tf.tidy(() => model.apply(clips, false));
    expect(Array.from(mean.dataSync()).every((v) => v === 0)).toBe(true);
    tf.tidy(() => model.apply(clips, true));
    expect(Array.from(mean.dataSync()).some((v) => v !== 0)).toBe(true);
    clips.dispose();
    model.dispose();
  });

  it('rejects clips of the wrong geometry', () => {
    const model = createModel({ type: 'c3dsu', latent: 16, height: 16, width: 16 }, createRng(2));
    tf.tidy(() => {
      expect(() => model.apply(tf.zeros([1, 1, 16, 16, 3]) as tf.Tensor5D, false)).toThrow('c3dsu.apply(clips) shape must be [B, 3, 16, 16, 3], but got [1, 1, 16, 16, 3]');
    });
    model.dispose();
  });
});
