import { availableParallelism } from 'node:os';
import type { Argv, CommandModule } from 'yargs';
import { backendChoices, benchPresetNames, formatBench, initBackend, isMultiThreaded, resolveBackendChoice, runBench, UserError, type BenchPreset } from '@vad/core';
import { createSimulatorFromConfig } from '../plugins/load-simulator';
import { workerSimulatorSource } from '../runner/trial-engine';

interface BenchArgs {
  readonly preset: BenchPreset;
  readonly backend?: string;
  readonly steps: number;
  readonly warmup: number;
  readonly json: boolean;
  readonly threads?: number;
  readonly microBatches: number;
  readonly profile: boolean;
}

/**
 * `vad bench --preset small [--backend native] [--steps 5] [--warmup 2] [--threads 2] [--profile] [--json]` — times the full DDL
 * train step and batch-1 inference of a reference preset and compares with PyTorch (performance.md).
 * `--threads` defaults to min(2, cores) (2 is faster on the 2-core reference machine: small 1158 vs
 * 1347 ms/step, unet-small 557 vs 757), or 1 with `--micro-batches` > 1; `--threads 1` is the exact step.
 */
export const benchCommand: CommandModule<object, BenchArgs> = {
  command: 'bench',
  describe: 'Time the DDL train step and batch-1 inference of a reference preset (the speed contract)',
  builder: (yargs) =>
    yargs
      .option('preset', { choices: benchPresetNames, default: 'small' as BenchPreset, describe: 'configuration from performance.md' })
      .option('backend', { type: 'string', choices: [...backendChoices], describe: 'tfjs backend (default: VAD_BACKEND or auto)' })
      .option('steps', { type: 'number', default: 5, describe: 'timed train steps (median reported)' })
      .option('warmup', { type: 'number', default: 2, describe: 'untimed steps first' })
      .option('threads', {
        type: 'number',
        defaultDescription: 'min(2, cores); 1 with --micro-batches > 1',
        describe: 'threads per train step (data-parallel worker threads, per-shard BatchNorm statistics; 1 = exact single-thread step)',
      })
      .option('micro-batches', { type: 'number', default: 1, describe: 'sequential micro-batches per step to bound memory (medium needs 2 on wasm: 4 GB heap)' })
      .option('profile', { type: 'boolean', default: false, describe: 'profile one extra step and print the time per kernel' })
      .option('json', { type: 'boolean', default: false, describe: 'print one JSON object only' }) as unknown as Argv<BenchArgs>,
  handler: async (args) => {
    if (!Number.isInteger(args.steps) || args.steps < 1) throw new UserError(`vad bench: --steps must be a positive integer, but got ${args.steps}`);
    if (!Number.isInteger(args.warmup) || args.warmup < 0) throw new UserError(`vad bench: --warmup must be a non-negative integer, but got ${args.warmup}`);
    if (!Number.isInteger(args.microBatches) || args.microBatches < 1) throw new UserError(`vad bench: --micro-batches must be a positive integer, but got ${args.microBatches}`);
    if (args.threads !== undefined && (!Number.isInteger(args.threads) || args.threads < 1)) throw new UserError(`vad bench: --threads must be a positive integer, but got ${args.threads}`);
    const backend = await initBackend(resolveBackendChoice(args.backend));
    if (!args.json) process.stdout.write(`backend: ${backend.name} (${backend.detail})\n`);
    const threads = args.threads ?? defaultBenchThreads(args.microBatches, availableParallelism(), backend.name);
    const simulator = { type: 'weighted-noise' }; // DDL's pseudo anomaly (uniform noise, p = 1), built where a trial builds it
    const timed = { simulator: await createSimulatorFromConfig(simulator, process.cwd()), workerSimulator: workerSimulatorSource(simulator, process.cwd()) };
    const result = await runBench({ preset: args.preset, steps: args.steps, warmup: args.warmup, threads, microBatches: args.microBatches, breakdown: args.profile, ...timed });
    process.stdout.write(args.json ? `${JSON.stringify(result)}\n` : `${formatBench(result)}\n`);
  },
};

/**
 * `--threads` when not given: min(2, available cores), but 1 with micro-batches (the engines don't
 * combine) or on a backend that already uses every core inside each kernel (native, tensorflow).
 *
 * @example
 * defaultBenchThreads(1); // => 2 on a machine with ≥ 2 cores, 1 on a single core
 * defaultBenchThreads(2); // => 1
 * defaultBenchThreads(1, 2, 'native'); // => 1
 */
export function defaultBenchThreads(microBatches: number, cores = availableParallelism(), backend = 'wasm'): number {
  return microBatches > 1 || isMultiThreaded(backend) ? 1 : Math.max(1, Math.min(2, cores));
}
