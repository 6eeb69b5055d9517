import type { Argv, CommandModule } from 'yargs';
import { backendChoices, UserError } from '@vad/core';
import { runExperiment } from '../runner/run-experiment';
import { writeReport } from '../report/write-report';

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

/** `vad run CONFIG` — train, evaluate and report every trial (grid × seeds) of an experiment. */
export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <config>',
  describe: 'Train, evaluate and report every trial of an experiment config (skips finished trials, resumes interrupted ones)',
  builder: (yargs) =>
    runFlags(yargs).option('workers', { type: 'number', describe: 'trials in parallel (child processes; default: the config\'s workers, else 1)' }) as unknown as Argv<RunArgs>,
  handler: async (args) => {
    if (args.workers !== undefined && (!Number.isInteger(args.workers) || args.workers < 1)) {
      throw new UserError(`vad run: --workers must be a positive integer, but got ${args.workers}`);
    }
    const log = (line: string): void => void process.stdout.write(`${line}\n`);
    const signals = abortOnSignals();
    try {
      const { dir } = await runExperiment({
        config: args.config,
        ...(args.out ? { out: args.out } : {}),
        ...(args.set ? { set: args.set } : {}),
        ...(args.backend ? { backend: args.backend } : {}),
        ...(args.workers !== undefined ? { workers: args.workers } : {}),
        log,
        signal: signals.signal,
      });
      const report = await writeReport(dir);
      log(`\n${report.text}`);
      log(`report: ${report.files.join(', ')}`);
    } finally {
      signals.dispose();
    }
  },
};
