import * as tf from '@tensorflow/tfjs';
import { Worker } from 'node:worker_threads';
import type { AnomalyModel } from '../contracts/model';
import type { ModelOptions } from '../models/create-model';
import { createRng } from '../rng';
import { computeGradients } from '../train/step';
import { logitName, type GradientEngine, type GradientInputs, type StepGradients } from '../train/step-types';
import { averageValues, shardBatch, sigmaData } from './shards';
import { packLayout, type PackLayout, type SimulatorSource, type WorkerReply, type WorkerRequest } from './worker-protocol';

/** Where a worker thread starts: the source-mode entry (tsx) when running from .ts, else the built worker. */
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker-entry.mjs' : './gradient-worker.js', import.meta.url);

export interface WorkerEngineOptions {
  /** Threads computing a step: the batch is split into this many shards; the main thread computes the first, worker threads the others. 1 = exactly {@link computeGradients}. */
  readonly threads: number;
  /** Options the model was built from (each worker builds a replica; weights are synced every step). */
  readonly model: ModelOptions;
  /** The module and factory each worker builds its simulator from (the same simulator `inputs.simulator` is on the main thread). */
  readonly simulator: SimulatorSource;
}

/** A {@link GradientEngine} that owns threads: dispose it when training ends. */
export interface WorkerEngine extends GradientEngine {
  readonly shards: number;
  dispose(): Promise<void>;
}

interface Handle {
  readonly worker: Worker;
  readonly output: Float32Array;
  pending: { resolve: (r: WorkerReply) => void; reject: (e: Error) => void } | null;
}

/**
 * Data-parallel gradients over worker threads (the wasm backend runs one thread per tfjs instance,
 * so this is how a step uses several cores). Each step: the main thread writes every weight into
 * shared memory, sends each worker its shard of the batch and a seed, computes the first shard
 * itself with {@link computeGradients}, then averages the shards' gradients, loss terms and
 * BatchNorm running statistics (weighted by shard size). Differences from one process, by design:
 * BatchNorm normalises with per-shard statistics, L_dist is a per-shard mean over masked pixels,
 * and each shard's simulator draws from its own stream (seeded from `inputs.rng`). With
 * `threads: 1` it is exactly {@link computeGradients}. Worker shards get no FrameSource.
 *
 * @example
 * const engine = await createWorkerEngine(model, { threads: 2, model: options, simulator: { module: workerSimulatorUrl, factory: 'createWorkerSimulator', options } });
 * await train({ model, schedule, data, seed: 1, engine });
 * await engine.dispose();
 */
export async function createWorkerEngine(model: AnomalyModel, options: WorkerEngineOptions): Promise<WorkerEngine> {
  const layout = packLayout(model.variables());
  const weights = new SharedArrayBuffer(layout.weightTotal * 4);
  const weightView = new Float32Array(weights);
  const handles: Handle[] = [];
  if (!Number.isInteger(options.threads) || options.threads < 1) throw new Error(`createWorkerEngine(options.threads) must be a positive integer, but got ${options.threads}`);
  try {
    for (let i = 0; i < options.threads - 1; i++) {
      const output = new SharedArrayBuffer(layout.outputTotal * 4);
      const worker = new Worker(workerUrl);
      const handle: Handle = { worker, output: new Float32Array(output), pending: null };
      worker.on('message', (reply: WorkerReply) => settle(handle, reply));
      worker.on('error', (error) => handle.pending?.reject(error));
      handles.push(handle);
      const init: WorkerRequest = { kind: 'init', backend: tf.getBackend(), model: options.model, simulator: options.simulator, weights, output };
      await request(handle, init);
    }
  } catch (error) {
    await Promise.all(handles.map((h) => h.worker.terminate())); // no thread outlives a failed start
    throw error;
  }
  return {
    shards: options.threads,
    computeGradients: async (inputs) => (handles.length === 0 ? computeGradients(inputs) : parallelStep(inputs, layout, weightView, handles)),
    dispose: async () => {
      await Promise.all(handles.map((h) => h.worker.terminate()));
    },
  };
}

function settle(handle: Handle, reply: WorkerReply): void {
  const pending = handle.pending;
  handle.pending = null;
  if (reply.kind === 'error') pending?.reject(new Error(`gradient worker failed: ${reply.message}\n${reply.stack ?? ''}`));
  else pending?.resolve(reply);
}

function request(handle: Handle, message: WorkerRequest): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    handle.pending = { resolve, reject };
    handle.worker.postMessage(message);
  });
}

async function parallelStep(inputs: GradientInputs, layout: PackLayout, weightView: Float32Array, allHandles: Handle[]): Promise<StepGradients> {
  const variables = inputs.model.variables();
  variables.forEach((v, i) => weightView.set(v.variable.dataSync() as Float32Array, layout.weightOffsets[i] ?? 0));
  const shards = shardBatch(inputs.batch, allHandles.length + 1);
  const handles = allHandles.slice(0, shards.length - 1); // a batch smaller than the thread count leaves some idle
  const seeds = shards.map(() => inputs.rng.nextSeed());
  const sigma = sigmaData(inputs.sigma);
  const replies = handles.map((h, i) => {
    const s = shards[i + 1];
    if (s === undefined) throw new Error('parallelStep: shards must cover every worker');
    return request(h, { kind: 'step', clips: s.clips, masks: s.masks, shape: s.shape, meta: s.meta, sigma, seed: seeds[i + 1] ?? 0, loss: inputs.loss });
  });
  const first = shards[0];
  if (first === undefined) throw new Error('parallelStep: the batch must have at least one clip');
  const clips = tf.tensor5d(first.clips, [...first.shape]);
  const masks = first.masks === null ? null : tf.tensor5d(first.masks, [...first.shape.slice(0, 4), 1] as [number, number, number, number, number]);
  const own = computeGradients({ ...inputs, batch: { ...inputs.batch, clips, masks }, rng: createRng(seeds[0] ?? 0) });
  clips.dispose();
  masks?.dispose();
  const done = await Promise.all(replies);
  const weightsOf = shards.map((s) => s.shape[0] / inputs.batch.clips.shape[0]);
  const grads: Record<string, tf.Tensor> = {};
  variables.forEach((v, i) => {
    const mine = own.grads[v.name];
    const gradOffset = layout.gradOffsets[i] ?? -1;
    const statOffset = layout.statOffsets[i] ?? -1;
    if (gradOffset >= 0 && mine !== undefined) {
      const sum = (mine.dataSync() as Float32Array).map((x) => x * (weightsOf[0] ?? 1));
      handles.forEach((h, w) => {
        const reply = done[w];
        if (reply?.kind !== 'done' || reply.hasGrad[i] !== true) return;
        const scale = weightsOf[w + 1] ?? 0;
        for (let j = 0; j < sum.length; j++) sum[j] = (sum[j] ?? 0) + scale * (h.output[gradOffset + j] ?? 0);
      });
      grads[v.name] = tf.tensor(sum, v.variable.shape);
    }
    if (statOffset >= 0) {
      const stats = (v.variable.dataSync() as Float32Array).map((x) => x * (weightsOf[0] ?? 1));
      handles.forEach((h, w) => {
        const scale = weightsOf[w + 1] ?? 0;
        for (let j = 0; j < stats.length; j++) stats[j] = (stats[j] ?? 0) + scale * (h.output[statOffset + j] ?? 0);
      });
      tf.tidy(() => v.variable.assign(tf.tensor(stats, v.variable.shape)));
    }
  });
  const logitGrad = own.grads[logitName];
  if (logitGrad !== undefined) {
    const others = done.map((r, w) => (r.kind === 'done' ? (r.logitGrad ?? 0) * (weightsOf[w + 1] ?? 0) : 0));
    grads[logitName] = tf.scalar((logitGrad.dataSync()[0] ?? 0) * (weightsOf[0] ?? 1) + others.reduce((a, b) => a + b, 0));
  }
  for (const g of Object.values(own.grads)) g.dispose();
  return { grads, values: averageValues([own.values, ...done.map((r) => (r.kind === 'done' ? r.values : own.values))], weightsOf) };
}
