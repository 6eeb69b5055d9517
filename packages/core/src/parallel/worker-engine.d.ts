import type { AnomalyModel } from '../contracts/model';
import type { ModelOptions } from '../models/create-model';
import type { GradientEngine } from '../train/run-step';
import { type SimulatorSource } from './worker-protocol';
export interface WorkerEngineOptions {
    /** Threads computing a step: the batch is split into this many shards; the main thread computes the first, worker threads the others. 1 = exactly {@link computeGradients}. */
    readonly threads: number;
    /** Options the model was built from (each worker builds a replica; weights are synced every step). */
    readonly model: ModelOptions;
    /** The simulator the workers load (default: built-in weighted noise). */
    readonly simulator?: SimulatorSource;
}
/** A {@link GradientEngine} that owns threads: dispose it when training ends. */
export interface WorkerEngine extends GradientEngine {
    readonly shards: number;
    dispose(): Promise<void>;
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
 * const engine = await createWorkerEngine(model, { threads: 2, model: options });
 * await train({ model, schedule, data, seed: 1, engine });
 * await engine.dispose();
 */
export declare function createWorkerEngine(model: AnomalyModel, options: WorkerEngineOptions): Promise<WorkerEngine>;
