import type { GradientEngine } from '../train/run-step';
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
export declare function createMicroBatchEngine(parts: number): GradientEngine;
