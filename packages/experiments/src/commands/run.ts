import type { Argv, CommandModule } from 'yargs';
import { backendChoices, UserError } from '@vad/core';
import { launcherTypes } from '../launchers/launcher-config';
import { launchers } from '../launchers/registry';
import { prepareRun } from '../runner/run-experiment';
import { slurmFlags, slurmOverrides, type SlurmFlagArgs } from './slurm-flags';

/** Options shared by `vad run` and `vad train`. */
export interface RunArgs {
  readonly config: string;
  readonly out?: string;
  readonly workers?: number;
  readonly backend?: string;
  readonly set?: string[];
  readonly trial?: string[];
}

/** Declares the flags shared by `run` and `train`. */
export function runFlags<T>(yargs: Argv<T>): Argv<T & RunArgs> {
  return yargs
    .positional('config', { type: 'string', describe: 'experiment YAML (see configs/)', demandOption: true })
    .option('out', { type: 'string', describe: 'experiment folder (default: <output.dir>/<name>)' })
    .option('backend', { type: 'string', choices: [...backendChoices], describe: 'tfjs backend (overrides the config)' })
    .option('set', { type: 'string', array: true, describe: 'override a config value: --set trainer.epochs=3 (repeatable)' }) as unknown as Argv<T & RunArgs>;
}

/** Runs SIGINT/SIGTERM as an abort: training stops at the next step and writes a checkpoint. */
export function abortOnSignals(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const stop = (): void => {
    process.stderr.write('\nvad: stopping after the current step (checkpoint follows); press Ctrl-C again to kill\n');
    controller.abort();
    process.off('SIGINT', stop);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { signal: controller.signal, dispose: () => (process.off('SIGINT', stop), process.off('SIGTERM', stop)) };
}

/** `vad run` arguments: the shared ones, `--workers`, and the launcher's. */
type RunCommandArgs = RunArgs & SlurmFlagArgs & { readonly launcher?: string };

/**
 * `vad run CONFIG` — train, evaluate and report every trial (grid × seeds) of an experiment, here
 * (`--launcher local`, the default) or as a SLURM job array (`--launcher slurm`).
 */
export const runCommand: CommandModule<object, RunCommandArgs> = {
  command: 'run <config>',
  describe: 'Train, evaluate and report every trial of an experiment config (skips finished trials, resumes interrupted ones)',
  builder: (yargs) =>
    slurmFlags(
      runFlags(yargs)
        .option('workers', { type: 'number', describe: 'trials in parallel (child processes; default: the config\'s workers, else 1)' })
        .option('launcher', { type: 'string', choices: launcherTypes, describe: 'who runs the trials (default: the config\'s launcher.type, else local)' }),
    ) as unknown as Argv<RunCommandArgs>,
  handler: async (args) => {
    if (args.workers !== undefined && (!Number.isInteger(args.workers) || args.workers < 1)) {
      throw new UserError(`vad run: --workers must be a positive integer, but got ${args.workers}`);
    }
    const log = (line: string): void => void process.stdout.write(`${line}\n`);
    const slurm = slurmOverrides(args);
    const run = await prepareRun({
      config: args.config,
      ...(args.out ? { out: args.out } : {}),
      ...(args.set ? { set: args.set } : {}),
      ...(args.backend ? { backend: args.backend } : {}),
      launcher: { ...(args.launcher ? { type: args.launcher } : {}), slurm: slurm.values },
      log,
    });
    const type = run.experiment.launcher.type;
    if (type !== 'slurm' && slurm.flags.length > 0) throw new UserError(`${slurm.flags.join(', ')} must be used with --launcher slurm, but the launcher is ${type}`);
    const signals = abortOnSignals();
    try {
      await launchers[type].submit(run, { set: args.set ?? [], ...(args.workers !== undefined ? { workers: args.workers } : {}), log, signal: signals.signal });
    } finally {
      signals.dispose();
    }
  },
};
