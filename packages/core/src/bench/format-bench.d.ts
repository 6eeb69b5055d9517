import type { BenchResult } from './run-bench';
/**
 * A readable summary of a bench result: timings, throughput, the ratio to the PyTorch reference
 * and, when profiled, the time by kernel type.
 *
 * @example
 * formatBench(result); // => 'small (c3dsu 64×64, latent 64, T 3, RGB, kernels 3,5,7), batch 8, wasm\n  train step …'
 */
export declare function formatBench(r: BenchResult): string;
