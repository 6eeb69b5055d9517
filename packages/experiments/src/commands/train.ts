import type { Argv, CommandModule } from 'yargs';
import { runExperiment } from '../runner/run-experiment';
import { abortOnSignals, runFlags, type RunArgs } from './run';

/** `vad train CONFIG [--trial ID …]` — train and evaluate one trial (or the named ones) without the report; what `vad run --workers N` spawns. */
export const trainCommand: CommandModule<object, RunArgs> = {
  command: 'train <config>',
  describe: 'Train and evaluate one trial (the config\'s only one, or --trial ID) without writing the report',
  builder: (yargs) =>
    runFlags(yargs).option('trial', { type: 'string', array: true, describe: 'trial id(s) to run (folder names)' }) as unknown as Argv<RunArgs>,
  handler: async (args) => {
    const log = (line: string): void => void process.stdout.write(`${line}\n`);
    const signals = abortOnSignals();
    try {
      const { outcomes } = await runExperiment({
        config: args.config,
        ...(args.out ? { out: args.out } : {}),
        ...(args.set ? { set: args.set } : {}),
        ...(args.backend ? { backend: args.backend } : {}),
        ...(args.trial ? { trials: args.trial } : {}),
        single: true,
        log,
        signal: signals.signal,
      });
      for (const o of outcomes) {
        log(`${o.id}: ${o.status}, AUC micro ${(100 * o.metrics.evaluation.aucMicro).toFixed(2)} %, macro ${(100 * o.metrics.evaluation.aucMacro).toFixed(2)} %`);
      }
    } finally {
      signals.dispose();
    }
  },
};
