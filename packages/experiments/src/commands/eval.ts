import type { CommandModule } from 'yargs';
import { backendChoices, initBackend, resolveBackendChoice } from '@vad/core';
import { describeCard } from '../report/comparison-table';
import { evalRun } from '../runner/eval-run';

interface EvalArgs {
  readonly run: string;
  readonly data?: string;
  readonly set?: string[];
  readonly out?: string;
  readonly backend?: string;
}

/** `vad eval RUN_DIR [--data FILE] [--set evaluation.k=v]` — score a trained trial again. */
export const evalCommand: CommandModule<object, EvalArgs> = {
  command: 'eval <run>',
  describe: 'Evaluate a trained trial folder again (other data via --data, other protocol via --set evaluation.…)',
  builder: (yargs) =>
    yargs
      .positional('run', { type: 'string', demandOption: true, describe: 'trial folder written by vad run (holds model.ckpt and config.json)' })
      .option('data', { type: 'string', describe: 'YAML with a data: section replacing the trial\'s data keys' })
      .option('set', { type: 'string', array: true, describe: 'override data.… or evaluation.… (repeatable)' })
      .option('out', { type: 'string', describe: 'output folder (default <run>/eval)' })
      .option('backend', { type: 'string', choices: [...backendChoices], describe: 'tfjs backend' }),
  handler: async (args) => {
    const backend = await initBackend(resolveBackendChoice(args.backend));
    const log = (line: string): void => void process.stdout.write(`${line}\n`);
    log(`backend ${backend.name}`);
    const { dir, evaluation } = await evalRun(args.run, { ...(args.data ? { data: args.data } : {}), ...(args.set ? { set: args.set } : {}), ...(args.out ? { out: args.out } : {}), log });
    const r = evaluation.result;
    log(`AUC micro ${(100 * r.aucMicro).toFixed(2)} %, macro ${(100 * r.aucMacro).toFixed(2)} %, AP ${(100 * r.ap).toFixed(2)} %, EER ${(100 * r.eer).toFixed(2)} %`);
    log(`frames ${r.frames} (${r.anomalousFrames} anomalous), videos ${r.videos}; ${describeCard(r.card)}`);
    log(`written: ${dir}/scores.csv, ${dir}/metrics.json`);
  },
};
