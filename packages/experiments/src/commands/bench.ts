import type { Argv, CommandModule } from 'yargs';
import { backendChoices, benchPresetNames, formatBench, initBackend, resolveBackendChoice, runBench, UserError, type BenchPreset } from '@vad/core';

interface BenchArgs {
  readonly preset: BenchPreset;
  readonly backend?: string;
  readonly steps: number;
  readonly warmup: number;
  readonly json: boolean;
}

/**
 * `vad bench --preset small [--backend wasm] [--steps 5] [--warmup 2] [--json]` — times the full DDL
 * train step and batch-1 inference of a reference preset and compares with PyTorch (performance.md).
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
      .option('json', { type: 'boolean', default: false, describe: 'print one JSON object only' }) as unknown as Argv<BenchArgs>,
  handler: async (args) => {
    if (!Number.isInteger(args.steps) || args.steps < 1) throw new UserError(`vad bench: --steps must be a positive integer, but got ${args.steps}`);
    if (!Number.isInteger(args.warmup) || args.warmup < 0) throw new UserError(`vad bench: --warmup must be a non-negative integer, but got ${args.warmup}`);
    const backend = await initBackend(resolveBackendChoice(args.backend));
    if (!args.json) process.stdout.write(`backend: ${backend.name} (${backend.detail})\n`);
    const result = await runBench({ preset: args.preset, steps: args.steps, warmup: args.warmup, breakdown: !args.json });
    process.stdout.write(args.json ? `${JSON.stringify(result)}\n` : `${formatBench(result, 'local engine (1 thread)')}\n`);
  },
};
