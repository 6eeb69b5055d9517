import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnomalyModel } from '../contracts/model';
import { reconstructionErrors } from './infer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** "Reconstructs" every middle frame as the constant 0.5 and records the mode it ran in. */
function constantModel(modes: boolean[]): AnomalyModel {
  return {
    type: 'constant',
    geometry: { frames: 3, height: 1, width: 2, channels: 4 },
    apply: (clips, training) => (modes.push(training), tf.fill([clips.shape[0], 1, 2, 4], 0.5) as tf.Tensor4D),
    variables: () => [],
    parameterCount: () => 0,
    dispose: () => undefined,
  };
}

describe('reconstructionErrors', () => {
  it('returns per-pixel channel errors ÷ √C of the middle frame in eval mode', async () => {
    const modes: boolean[] = [];
    // B = 1, T = 3, H = 1, W = 2, C = 4; middle frame pixels: all 0.5 (error 0) and [1.5, 1.5, 1.5, 1.5] (error 1)
    const frame = (a: number, b: number) => [...Array(4).fill(a), ...Array(4).fill(b)];
    const clips = tf.tensor5d([...frame(9, 9), ...frame(0.5, 1.5), ...frame(9, 9)], [1, 3, 1, 2, 4]);
    const before = tf.memory().numTensors;
    const out = await reconstructionErrors(constantModel(modes), clips);
    expect(tf.memory().numTensors).toBe(before);
    expect(modes).toEqual([false]);
    expect(out.shape).toEqual([1, 1, 2, 4]);
    expect(Array.from(out.errors)).toEqual([0, 1]);
    expect(Array.from(out.reconstructions)).toEqual(Array(8).fill(0.5));
  });
});
