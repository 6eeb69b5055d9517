import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { createModel, createRng } from '@vad/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectionSchemas } from '../config/catalogs';
import { loadExperiment } from '../config/load-experiment';
import { readJsonl } from '../io/jsonl';
import { openTrialData } from './open-trial-data';
import { trainTrial } from './train-trial';

// Two steps of 7 clips (one 16-frame video, T = 3: 14 clips; shards of 4 + 3) on 16×16 gray scenes with the example plugin
// simulator, once with the exact single-thread step and once data-parallel over two threads.
const plugin = fileURLToPath(new URL('../../../../examples/plugins/scanline-glitch.ts', import.meta.url));
const config = `
name: threads
seed: 5
backend: cpu
data:
  type: synthetic
  height: 16
  width: 16
  channels: 1
  synthetic: { scenes: 1, trainVideos: 1, testVideos: 1, length: 16, density: 2, difficulty: 0 }
  masks: { type: random-box }
model: { type: c3dsu, latent: 8, frames: 3 }
simulator: { type: ${JSON.stringify(plugin)}, maxShift: 2 }
schedule: { type: learned }
trainer: { epochs: 1, batchSize: 7 }
grid:
  trainer.threads: [1, 2]
`;

describe('trainTrial with trainer.threads', () => {
  const root = mkdtempSync(join(tmpdir(), 'vad-threads-'));
  beforeAll(async () => {
    await tf.setBackend('cpu');
    writeFileSync(join(root, 'threads.yaml'), config);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('trains 2 steps through worker threads (plugin simulator rebuilt in the worker), changes the weights, leaks no tensors', async () => {
    const experiment = await loadExperiment(join(root, 'threads.yaml'), {}, sectionSchemas);
    const [single, parallel] = experiment.trials;
    if (single === undefined || parallel === undefined) throw new Error('the grid must give two trials');
    expect([single.config.trainer.threads, parallel.config.trainer.threads]).toEqual([1, 2]);
    const data = await openTrialData(parallel.config.data);
    const initial = createModel(parallel.config.model, createRng(parallel.config.seed).fork('model'));
    const before = tf.memory().numTensors;
    const weightsOf = async (trial: typeof single) => {
      const dir = join(root, trial.id);
      const trained = await trainTrial(trial.config, data, dir, { log: () => undefined });
      expect(trained.result).toMatchObject({ step: 2, stopped: false });
      expect(readJsonl<{ step: number; loss: number }>(join(dir, 'steps.jsonl')).map((r) => r.step)).toEqual([0, 1]);
      const weights = trained.model.variables().map((v) => Array.from(v.variable.dataSync()));
      trained.model.dispose();
      return weights;
    };
    const one = await weightsOf(single);
    const two = await weightsOf(parallel);
    expect(tf.memory().numTensors).toBe(before); // the trainer, engine and simulator freed everything
    const start = initial.variables().map((v) => Array.from(v.variable.dataSync()));
    initial.dispose();
    const changed = (w: number[][]) => w.filter((values, i) => values.some((x, j) => x !== start[i]?.[j])).length;
    expect(changed(two)).toBeGreaterThan(start.length / 2); // Adam moved (almost) every weight
    expect(changed(one)).toBeGreaterThan(start.length / 2);
    // per-shard BatchNorm statistics and per-shard simulator streams: the 2-thread run differs from the exact one
    expect(two.some((values, i) => values.some((x, j) => x !== one[i]?.[j]))).toBe(true);
  }, 60_000);
});
