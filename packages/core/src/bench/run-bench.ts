import * as tf from '@tensorflow/tfjs';
import type { AnomalyModel } from '../contracts/model';
import type { Simulator } from '../contracts/simulator';
import type { SimulatorSource } from '../parallel/worker-protocol';
import { buildModel, parseModelOptions } from '../models/create-model';
import { modelFlops } from '../models/model-flops';
import { createRng } from '../rng';
import { createAdam, disposeAdam } from '../train/adam';
import { createWorkerEngine } from '../parallel/worker-engine';
import { createMicroBatchEngine } from '../parallel/micro-batch-engine';
import { applyGradients } from '../train/step';
import { disposeBatch, uploadBatch } from '../train/step-batch';
import type { LearnedLogit } from '../train/step-types';
import { syntheticBatch } from './bench-data';
import { benchPresets, type BenchPreset } from './bench-presets';
import { opBreakdown, type OpTime } from './op-breakdown';
import { timeStats, type TimeStats } from './time-stats';

export interface BenchOptions {
  readonly preset: BenchPreset;
  /** Timed train steps (≥ 1). */
  readonly steps: number;
  /** Untimed steps first (≥ 0). */
  readonly warmup: number;
  /** Timed batch-1 inference clips (default max(steps, 10)). */
  readonly inferClips?: number;
  /** The pseudo-anomaly simulator of the timed step (DDL's: weighted noise from @vad/simulators). */
  readonly simulator: Simulator;
  /** Where worker threads build the same simulator (needed with `threads` > 1). */
  readonly workerSimulator?: SimulatorSource;
  /** Threads computing each step's gradients, data-parallel (1: this thread only, exact). */
  readonly threads?: number;
  /** Sequential micro-batches per step in this thread, to bound memory (1: exact; ignored with threads > 1). */
  readonly microBatches?: number;
  /** Also profile one extra step in this process and report time by kernel type. */
  readonly breakdown?: boolean;
}

export interface BenchResult {
  readonly preset: BenchPreset;
  readonly backend: string;
  /** Threads computing gradients (1 = this thread only). */
  readonly threads: number;
  /** Sequential micro-batches per step (1 = the whole batch at once). */
  readonly microBatches: number;
  readonly batch: number;
  readonly size: number;
  readonly latent: number;
  readonly T: number;
  readonly channels: number;
  readonly kernels: readonly number[];
  readonly params: number;
  readonly trainStepMs: TimeStats;
  /** CPU time of this process per train step (all its threads): on a shared machine, steadier than wall time. */
  readonly trainStepCpuMs: TimeStats;
  readonly inferMsPerClip: TimeStats;
  readonly gflopPerStep: number;
  readonly effectiveGflops: number;
  readonly peakRssMb: number;
  readonly referenceMs: number;
  readonly ratio: number;
  readonly referenceInferMs: number;
  readonly inferRatio: number;
  /** Time by tfjs kernel type of one profiled step (only with `breakdown`). */
  readonly opBreakdown?: readonly OpTime[];
}

const now = (): number => performance.now();

/**
 * Times the full DDL train step of a preset — `options.simulator` (weighted noise) with σ = sigmoid(ℓ), f(X) and f(X_A)
 * in train mode, backward into the weights and ℓ, Adam — and batch-1 inference, on the active tfjs
 * backend. FLOPs are counted by the reference formula, so GFLOP/s compare with performance.md.
 */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const preset = benchPresets[options.preset];
  const modelOptions = parseModelOptions(preset.model, 'runBench');
  const rng = createRng(`bench/${options.preset}`);
  const model = buildModel(modelOptions, rng.fork('model'));
  const threads = options.threads ?? 1;
  if (threads > 1 && options.workerSimulator === undefined) throw new Error(`runBench: threads = ${threads} must come with options.workerSimulator, but got none`);
  const engine = threads > 1 && options.workerSimulator !== undefined ? await createWorkerEngine(model, { threads, model: modelOptions, simulator: options.workerSimulator }) : null;
  const local = createMicroBatchEngine(options.microBatches ?? 1);
  const host = syntheticBatch(model.geometry, preset.batch, rng.fork('data'));
  const logit: LearnedLogit = { variable: tf.variable(tf.scalar(0), true), lrMultiplier: 1 };
  const optimizers = { model: createAdam(), logit: createAdam() };
  const { simulator } = options;
  const loss = { mode: 'distinction', lambda: 0.01, epsilon: 1e-6, maxErrorMargin: 0.2 } as const;
  const simRng = rng.fork('simulator');
  const cpu: number[] = [];
  const step = async (): Promise<number> => {
    const batch = uploadBatch(host);
    const cpuStart = process.cpuUsage();
    const start = now();
    const { grads } = await (engine ?? local).computeGradients({ model, simulator, batch, sigma: { kind: 'learned', logit }, rng: simRng, loss });
    applyGradients(model, logit, optimizers, grads, 1e-2);
    await logit.variable.data(); // the step is done when its last update is
    const ms = now() - start;
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    disposeBatch(batch);
    return ms;
  };
  const train: number[] = [];
  for (let i = 0; i < options.warmup + options.steps; i++) {
    const ms = await step();
    if (i >= options.warmup) train.push(ms);
  }
  const ops = options.breakdown === true ? await opBreakdown(async () => void (await step())) : undefined;
  const infer = timeInference(model, host.clips, options.inferClips ?? Math.max(options.steps, 10));
  const flops = modelFlops(modelOptions, preset.batch);
  const trainStepMs = timeStats(train);
  const trainStepCpuMs = timeStats(cpu.slice(options.warmup, options.warmup + options.steps));
  const inferMsPerClip = timeStats(infer);
  const params = model.parameterCount();
  await engine?.dispose();
  model.dispose();
  logit.variable.dispose();
  disposeAdam(optimizers.model);
  disposeAdam(optimizers.logit);
  return {
    preset: options.preset,
    backend: tf.getBackend(),
    threads,
    microBatches: threads > 1 ? 1 : (options.microBatches ?? 1),
    batch: preset.batch,
    size: modelOptions.height,
    latent: modelOptions.latent,
    T: modelOptions.frames,
    channels: modelOptions.channels,
    kernels: modelOptions.kernels,
    params,
    trainStepMs,
    trainStepCpuMs,
    inferMsPerClip,
    gflopPerStep: round(flops.trainGflopPerStep, 2),
    effectiveGflops: round(flops.trainGflopPerStep / (trainStepMs.median / 1000), 2),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    referenceMs: preset.referenceMs,
    ratio: round(trainStepMs.median / preset.referenceMs, 3),
    referenceInferMs: preset.referenceInferMs,
    inferRatio: round(inferMsPerClip.median / preset.referenceInferMs, 3),
    ...(ops !== undefined ? { opBreakdown: ops } : {}),
  };
}

/** Batch-1 eval-mode reconstructions of the first clip, two untimed first. */
function timeInference(model: AnomalyModel, clips: Float32Array, n: number): number[] {
  const { frames, height, width, channels } = model.geometry;
  const clip = tf.tensor5d(clips.subarray(0, frames * height * width * channels), [1, frames, height, width, channels]);
  const times: number[] = [];
  for (let i = 0; i < n + 2; i++) {
    const start = now();
    const y = tf.tidy(() => model.apply(clip, false)); // read outside tidy: tidy walks a returned typed array key by key
    y.dataSync();
    y.dispose();
    if (i >= 2) times.push(now() - start);
  }
  clip.dispose();
  return times;
}

function round(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}
