import * as tf from '@tensorflow/tfjs';
import { createRng } from '../rng';
import { computeGradients } from '../train/step';
import type { GradientEngine, GradientInputs, StepGradients } from '../train/step-types';
import { averageValues, shardBatch } from './shards';

/**
 * Gradients of a batch computed in `parts` sequential micro-batches in this thread and averaged
 * (weighted by size), to bound memory: wasm has a 4 GB heap and one DDL step keeps both forward
 * passes' activations, which at 128×128 (the `medium` preset) does not fit. Same semantics as the
 * data-parallel engine: BatchNorm per micro-batch statistics (running statistics averaged over
 * micro-batches, each started from the same values), L_dist per micro-batch, one seed per
 * micro-batch from `inputs.rng`. With `parts: 1` it is exactly {@link computeGradients}.
 *
 * @example
 * await train({ model, schedule, data, seed: 1, engine: createMicroBatchEngine(2) });
 */
export function createMicroBatchEngine(parts: number): GradientEngine {
  if (!Number.isInteger(parts) || parts < 1) throw new Error(`createMicroBatchEngine(parts) must be a positive integer, but got ${parts}`);
  return { computeGradients: (inputs) => (parts === 1 ? computeGradients(inputs) : microBatchStep(inputs, parts)) };
}

function microBatchStep(inputs: GradientInputs, parts: number): StepGradients {
  const shards = shardBatch(inputs.batch, parts);
  const seeds = shards.map(() => inputs.rng.nextSeed());
  const frozen = inputs.model.variables().filter((v) => !v.trainable);
  const start = frozen.map((v) => tf.clone(v.variable)); // running statistics before the step
  const statSums = frozen.map((v) => tf.zerosLike(v.variable));
  const total = inputs.batch.clips.shape[0];
  const grads: Record<string, tf.Tensor> = {};
  const values = shards.map((shard, i) => {
    const weight = shard.shape[0] / total;
    frozen.forEach((v, j) => v.variable.assign(start[j] as tf.Tensor));
    const clips = tf.tensor5d(shard.clips, [...shard.shape]);
    const masks = shard.masks === null ? null : tf.tensor5d(shard.masks, [...shard.shape.slice(0, 4), 1] as [number, number, number, number, number]);
    const out = computeGradients({ ...inputs, batch: { ...inputs.batch, clips, masks }, rng: createRng(seeds[i] ?? 0) });
    tf.dispose([clips, masks ?? []].flat());
    for (const [name, g] of Object.entries(out.grads)) {
      const previous = grads[name];
      grads[name] = tf.tidy(() => (previous === undefined ? tf.mul(g, weight) : tf.add(previous, tf.mul(g, weight))));
      previous?.dispose();
      g.dispose();
    }
    frozen.forEach((v, j) => {
      const previous = statSums[j] as tf.Tensor;
      statSums[j] = tf.tidy(() => tf.add(previous, tf.mul(v.variable, weight)));
      previous.dispose();
    });
    return out.values;
  });
  frozen.forEach((v, j) => v.variable.assign(statSums[j] as tf.Tensor));
  tf.dispose([...start, ...statSums]);
  return { grads, values: averageValues(values, shards.map((s) => s.shape[0] / total)) };
}
