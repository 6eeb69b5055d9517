import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '../models/index';
import { createRng } from '../rng';
import type { Checkpoint } from './checkpoint';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint-codec';
import { createSyntheticStream, learnedSchedule } from '../../test-support/fixtures';
import { createWeightedNoiseSimulator } from '../../test-support/weighted-noise';
import { train } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// The registered models at their smallest (latent 8, 16×16 gray, one 3×3 kernel): the trainer's
// contract with real BatchNorm layers, temporal skips and named weights.
describe.each([
  ['c3dsu', 3],
  ['unet', 1],
])('train with the registered %s model', (type, frames) => {
  it('trains without leaks and resumes bit-identically from an encoded checkpoint', async () => {
    const options = { type, latent: 8, height: 16, width: 16, channels: 1, kernels: [3], ...(type === 'unet' ? {} : { frames }) };
    const data = createSyntheticStream({ stepsPerEpoch: 1, batch: 2, clipShape: [frames, 16, 16, 1] });
    const run = { simulator: createWeightedNoiseSimulator(), schedule: learnedSchedule(), data, seed: 3, options: { epochs: 2, batchSize: 2, checkpointEvery: 1 } };
    const model = createModel(options, createRng(1));
    const checkpoints: Checkpoint[] = [];
    const before = tf.memory().numTensors;
    await train({ ...run, model, callbacks: { onCheckpoint: (c) => void checkpoints.push(c) } });
    expect(tf.memory().numTensors).toBe(before);
    expect(checkpoints.map((c) => c.step)).toEqual([1, 2]);
    expect(checkpoints[0]!.weights.some((w) => w.name.endsWith('runningVar'))).toBe(true);
    const resumed = createModel(options, createRng(2));
    await train({ ...run, model: resumed, resume: decodeCheckpoint(encodeCheckpoint(checkpoints[0]!)) });
    const values = (m: typeof model) => m.variables().map((v) => Array.from(v.variable.dataSync()));
    expect(values(resumed)).toEqual(values(model));
    model.dispose();
    resumed.dispose();
  });
});
