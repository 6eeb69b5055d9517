import { type BenchPreset } from './bench-presets';
import { type OpTime } from './op-breakdown';
import { type TimeStats } from './time-stats';
export interface BenchOptions {
    readonly preset: BenchPreset;
    /** Timed train steps (≥ 1). */
    readonly steps: number;
    /** Untimed steps first (≥ 0). */
    readonly warmup: number;
    /** Timed batch-1 inference clips (default max(steps, 10)). */
    readonly inferClips?: number;
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
/**
 * Times the full DDL train step of a preset — weighted noise with σ = sigmoid(ℓ), f(X) and f(X_A)
 * in train mode, backward into the weights and ℓ, Adam — and batch-1 inference, on the active tfjs
 * backend. FLOPs are counted by the reference formula, so GFLOP/s compare with performance.md.
 */
export declare function runBench(options: BenchOptions): Promise<BenchResult>;
