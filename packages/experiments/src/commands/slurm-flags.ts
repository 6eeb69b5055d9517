import type { Argv } from 'yargs';

/** `vad run` flags for `--launcher slurm` (each also a `launcher.slurm` key in the YAML). */
export interface SlurmFlagArgs {
  readonly partition?: string;
  readonly time?: string;
  readonly cpusPerTask?: number;
  readonly mem?: string;
  readonly gpusPerTask?: number;
  readonly arrayParallelism?: number;
  readonly account?: string;
  readonly qos?: string;
  readonly sbatch?: string[];
}

/** Flag → `launcher.slurm` key. */
const keys: ReadonlyArray<[flag: string, arg: keyof SlurmFlagArgs, key: string]> = [
  ['--partition', 'partition', 'partition'],
  ['--time', 'time', 'time'],
  ['--cpus-per-task', 'cpusPerTask', 'cpusPerTask'],
  ['--mem', 'mem', 'mem'],
  ['--gpus-per-task', 'gpusPerTask', 'gpusPerTask'],
  ['--array-parallelism', 'arrayParallelism', 'parallelism'],
  ['--account', 'account', 'account'],
  ['--qos', 'qos', 'qos'],
  ['--sbatch', 'sbatch', 'extra'],
];

/** Declares the SLURM flags of `vad run`. */
export function slurmFlags<T>(yargs: Argv<T>): Argv<T & SlurmFlagArgs> {
  return yargs
    .option('partition', { type: 'string', group: 'SLURM (--launcher slurm):', describe: 'partition (launcher.slurm.partition)' })
    .option('time', { type: 'string', group: 'SLURM (--launcher slurm):', describe: 'time limit per trial: minutes or a SLURM time such as 1-12:00:00' })
    .option('cpus-per-task', { type: 'number', group: 'SLURM (--launcher slurm):', describe: 'CPUs per trial' })
    .option('mem', { type: 'string', group: 'SLURM (--launcher slurm):', describe: 'memory per trial, e.g. 16G' })
    .option('gpus-per-task', { type: 'number', group: 'SLURM (--launcher slurm):', describe: 'GPUs per trial' })
    .option('array-parallelism', { type: 'number', group: 'SLURM (--launcher slurm):', describe: 'at most N trials at once (--array=…%N)' })
    .option('account', { type: 'string', group: 'SLURM (--launcher slurm):', describe: 'account to charge' })
    .option('qos', { type: 'string', group: 'SLURM (--launcher slurm):', describe: 'quality of service' })
    .option('sbatch', { type: 'string', array: true, group: 'SLURM (--launcher slurm):', describe: 'extra #SBATCH option, e.g. --sbatch=--constraint=a100 (repeatable; added to launcher.slurm.extra)' }) as unknown as Argv<T & SlurmFlagArgs>;
}

/**
 * The SLURM flags given, as `launcher.slurm` values (validated with the YAML's, so a bad flag gets
 * the same message as a bad key), and the flag names (an error unless the launcher is slurm).
 *
 * @example
 * slurmOverrides({ partition: 'gpu', time: '90' }); // => { values: { partition: 'gpu', time: 90 }, flags: ['--partition', '--time'] }
 */
export function slurmOverrides(args: SlurmFlagArgs): { values: Record<string, unknown>; flags: string[] } {
  const values: Record<string, unknown> = {};
  const flags: string[] = [];
  for (const [flag, arg, key] of keys) {
    const value = args[arg];
    if (value === undefined) continue;
    values[key] = key === 'time' && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    flags.push(flag);
  }
  return { values, flags };
}
