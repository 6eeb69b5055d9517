import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticBatch } from '../bench/bench-data';
import { createModel, parseModelOptions } from '../models/create-model';
import { createRng } from '../rng';
import { computeGradients } from '../train/step';
import { disposeBatch, uploadBatch } from '../train/step-batch';
import { logitName, type GradientEngine, type LearnedLogit } from '../train/step-types';
import { createWeightedNoiseSimulator } from '../../test-support/weighted-noise';
import { createMicroBatchEngine } from './micro-batch-engine';
import { createWorkerEngine } from './worker-engine';

const options = parseModelOptions({ type: 'c3dsu', latent: 8, height: 16, width: 16 });
const loss = { mode: 'distinction', lambda: 0.01, epsilon: 1e-6, maxErrorMargin: 0.2 } as const;
const simulator = createWeightedNoiseSimulator();
/** The workers build the same fixture simulator from its module (the runner passes its own module the same way). */
const simulatorSource = { module: new URL('../../test-support/weighted-noise.ts', import.meta.url).href, factory: 'createWeightedNoiseSimulator' };

describe.each(['two threads', 'two micro-batches'])('sharded engine: %s (cpu)', (kind) => {
  let engine: GradientEngine & { dispose?: () => Promise<void> };
  const model = createModel(options, createRng('engine'));
  beforeAll(async () => {
    await tf.setBackend('cpu');
    engine = kind === 'two threads' ? await createWorkerEngine(model, { threads: 2, model: options, simulator: simulatorSource }) : createMicroBatchEngine(2);
  }, 60_000);
  afterAll(async () => {
    await engine.dispose?.();
    model.dispose();
  });

  it('averages the two shards: equals ½·(gradients of clips 0–1) + ½·(gradients of clips 2–3) with the same seeds', async () => {
    const host = syntheticBatch(model.geometry, 4, createRng('data'));
    const logit: LearnedLogit = { variable: tf.variable(tf.scalar(0.3)), lrMultiplier: 1 };
    // the reference: two replicas with the same initial weights, one per shard, seeded like the engine
    const seeds = createRng('sim');
    const [seed0, seed1] = [seeds.nextSeed(), seeds.nextSeed()];
    const shardOf = (from: number) => ({
      ...host,
      clips: host.clips.slice(from * 3 * 16 * 16 * 3, (from + 2) * 3 * 16 * 16 * 3),
      masks: host.masks?.slice(from * 3 * 16 * 16, (from + 2) * 3 * 16 * 16) ?? null,
      shape: [2, 3, 16, 16, 3] as const,
      meta: host.meta.slice(from, from + 2),
    });
    const expected = [0, 2].map((from, i) => {
      const replica = createModel(options, createRng('engine'));
      const batch = uploadBatch(shardOf(from));
      const out = computeGradients({ model: replica, simulator, batch, sigma: { kind: 'learned', logit }, rng: createRng(i === 0 ? seed0 : seed1), loss });
      disposeBatch(batch);
      const stat = Array.from(replica.variables().find((v) => v.name === 'enc1.norm.runningMean')?.variable.dataSync() ?? []);
      replica.dispose();
      return { ...out, stat };
    });
    const before = tf.memory().numTensors;
    const batch = uploadBatch(host);
    const got = await engine.computeGradients({ model, simulator, batch, sigma: { kind: 'learned', logit }, rng: createRng('sim'), loss });
    disposeBatch(batch);
    for (const name of [...model.variables().filter((v) => v.trainable).map((v) => v.name), logitName]) {
      const a = expected[0]?.grads[name];
      const b = expected[1]?.grads[name];
      const g = got.grads[name];
      if (a === undefined || b === undefined) {
        expect(g).toBeUndefined();
        continue;
      }
      const want = tf.tidy(() => tf.mul(tf.add(a, b), 0.5));
      const scale = Math.max(1e-6, tf.tidy(() => tf.max(tf.abs(want)).dataSync()[0] ?? 0));
      expect(tf.tidy(() => tf.max(tf.abs(tf.sub(g as tf.Tensor, want))).dataSync()[0] ?? NaN) / scale).toBeLessThan(1e-4);
      want.dispose();
    }
    expect(got.values.loss).toBeCloseTo(((expected[0]?.values.loss ?? 0) + (expected[1]?.values.loss ?? 0)) / 2, 5);
    expect(got.values.maskedPixels).toBe((expected[0]?.values.maskedPixels ?? 0) + (expected[1]?.values.maskedPixels ?? 0));
    const stat = Array.from(model.variables().find((v) => v.name === 'enc1.norm.runningMean')?.variable.dataSync() ?? []);
    stat.forEach((v, i) => expect(v).toBeCloseTo(((expected[0]?.stat[i] ?? 0) + (expected[1]?.stat[i] ?? 0)) / 2, 5));
    expect(tf.memory().numTensors - before).toBe(Object.keys(got.grads).length); // only the returned gradients remain
    for (const e of expected) tf.dispose(Object.values(e.grads));
    tf.dispose(Object.values(got.grads));
    logit.variable.dispose();
  }, 60_000);

  it('computes a batch smaller than the shard count in this thread alone, exactly like computeGradients', async () => {
    const host = syntheticBatch(model.geometry, 1, createRng('one clip'));
    const logit: LearnedLogit = { variable: tf.variable(tf.scalar(-0.2)), lrMultiplier: 1 };
    const replica = createModel(options, createRng('other'));
    replica.variables().forEach((v, i) => v.variable.assign(model.variables()[i]?.variable as tf.Variable));
    const reference = uploadBatch(host);
    const want = computeGradients({ model: replica, simulator, batch: reference, sigma: { kind: 'learned', logit }, rng: createRng(createRng('one').nextSeed()), loss });
    disposeBatch(reference);
    const batch = uploadBatch(host);
    const got = await engine.computeGradients({ model, simulator, batch, sigma: { kind: 'learned', logit }, rng: createRng('one'), loss });
    disposeBatch(batch);
    expect(Object.keys(got.grads).sort()).toEqual(Object.keys(want.grads).sort());
    for (const [name, g] of Object.entries(want.grads)) expect(Array.from(got.grads[name]?.dataSync() ?? [])).toEqual(Array.from(g.dataSync()));
    expect(got.values).toEqual(want.values);
    tf.dispose([...Object.values(got.grads), ...Object.values(want.grads), logit.variable]);
    replica.dispose();
  }, 60_000);
});
