import { basename, extname, join, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { UserError } from '@vad/core';
import { configsDir } from '../config/list-configs';
import { writeFileAtomic, writeJsonAtomic } from '@vad/data';
import { benchmarkCheck, checkMarkdown } from '../report/benchmark-check';
import { collectTrials, type TrialRecord } from '../report/collect';
import { writeReport } from '../report/write-report';
import { kindTableMarkdown, tableMarkdown } from '../report/render-table';
import { runExperiment } from '../runner/run-experiment';
import { abortOnSignals } from './run';

interface CalibrateArgs {
  config?: string[];
  out: string;
  workers?: number;
  backend?: string;
  set?: string[];
}

/** The shipped check: shared setup + none/σ=0/static/learned × 3 seeds, the positive control, the handcrafted simulators. */
export const benchmarkCheckConfigs = ['benchmark-check.yaml', 'benchmark-check-oracle.yaml', 'benchmark-check-simulators.yaml'];

/**
 * `vad data calibrate` — runs the benchmark check experiments (each into `<out>/<config name>`,
 * resumable), then measures the synthetic benchmark: noise floor, headroom, positive and negative
 * controls, and the comparison of every method against the plain autoencoder; writes each part's
 * report and `<out>/calibration.md` and `calibration.json`; exit code 1 when a measured property misses its target.
 */
export const calibrateCommand: CommandModule<object, CalibrateArgs> = {
  command: 'calibrate',
  describe: 'Run the synthetic benchmark check (configs/benchmark-check*.yaml) and report noise floor, headroom and controls',
  builder: (y: Argv) =>
    y
      .option('config', { type: 'string', array: true, describe: `check configs (default: ${benchmarkCheckConfigs.map((c) => `configs/${c}`).join(', ')})` })
      .option('out', { type: 'string', default: 'runs/benchmark-check', describe: 'parent folder of the check experiments' })
      .option('workers', { type: 'number', describe: 'trials in parallel (default: the configs\' workers)' })
      .option('backend', { type: 'string', describe: 'auto | tensorflow | wasm | cpu' })
      .option('set', { type: 'string', array: true, describe: 'override a value in every check config: --set trainer.epochs=1' }) as unknown as Argv<CalibrateArgs>,
  handler: async (args) => {
    if (args.workers !== undefined && (!Number.isInteger(args.workers) || args.workers < 1)) throw new UserError(`--workers must be a positive integer, but got ${args.workers}`);
    const configs = args.config ?? benchmarkCheckConfigs.map((name) => join(configsDir(), name));
    const out = resolve(args.out);
    const log = (line: string): void => void process.stdout.write(`${line}\n`);
    const signals = abortOnSignals();
    const trials: TrialRecord[] = [];
    try {
      for (const config of configs) {
        const { dir } = await runExperiment({
          config,
          out: join(out, basename(config, extname(config))),
          ...(args.set ? { set: args.set } : {}),
          ...(args.backend ? { backend: args.backend } : {}),
          ...(args.workers !== undefined ? { workers: args.workers } : {}),
          log,
          signal: signals.signal,
        });
        trials.push(...collectTrials(dir).trials);
        log(`report: ${(await writeReport(dir)).dir}`); // each part's own table, plots and report.html
      }
    } finally {
      signals.dispose();
    }
    const check = benchmarkCheck(trials);
    const text = [
      `# Benchmark check — ${check.dataset ?? 'no dataset'}`,
      '',
      checkMarkdown(check),
      'Every group against the plain autoencoder (DeLong p, seed-matched; CI over seeds, or bootstrap over videos for one seed):',
      '',
      tableMarkdown(check.table),
      ...(check.table.kinds.length === 0 ? [] : ['AUC per anomaly kind (its frames vs all normal frames):', '', kindTableMarkdown(check.table)]),
    ].join('\n');
    writeFileAtomic(join(out, 'calibration.md'), text);
    writeJsonAtomic(join(out, 'calibration.json'), check);
    log(`\n${text}`);
    log(`calibration: ${join(out, 'calibration.md')}, ${join(out, 'calibration.json')}`);
    const failed = check.lines.filter((line) => line.pass === false);
    if (failed.length > 0) throw new UserError(`vad data calibrate: every measured property must meet its target, but ${failed.map((l) => l.property).join('; ')} did not`, 1);
  },
};
