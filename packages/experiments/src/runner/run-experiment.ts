import { join, resolve } from 'node:path';
import { isUserError, UserError } from '@vad/core';
import { sectionSchemas } from '../config/catalogs';
import { displayPath } from '../config/compose';
import { ConfigError } from '../config/config-error';
import type { ExperimentConfig, Trial } from '../config/experiment-config';
import { loadExperiment } from '../config/load-experiment';
import { writeJsonAtomic } from '../io/atomic-write';
import { checkOutputDir, prepareOutputDir } from '../io/output-path';
import { trialDataProblems } from './check-trial-data';
import { openTrialData, type TrialData } from './open-trial-data';
import { acquireRunLock, assertNotLocked, withRunLock } from './run-lock';
import { runTrial, TrialInterrupted, type TrialOutcome } from './run-trial';
import { experimentFiles, isTrialDone } from './trial-files';
import { runPool } from './worker-pool';

/** Options shared by `vad run` and `vad train`. */
export interface RunOptions {
  readonly config: string;
  readonly out?: string;
  readonly set?: readonly string[];
  readonly backend?: string;
  readonly workers?: number;
  /** Only these trial ids (default: all). */
  readonly trials?: readonly string[];
  /** `vad train`: the config must expand to one trial unless `trials` names some. */
  readonly single?: boolean;
  readonly log: (line: string) => void;
  readonly signal?: AbortSignal;
}

/** The experiment folder: `--out`, else `<output.dir>/<name>`. */
export function experimentDir(experiment: ExperimentConfig, out?: string): string {
  return resolve(out ?? join(experiment.output.dir, experiment.name));
}

function selectTrials(experiment: ExperimentConfig, command: string, ids?: readonly string[]): Trial[] {
  if (ids === undefined || ids.length === 0) return [...experiment.trials];
  const known = new Map(experiment.trials.map((t) => [t.id, t]));
  return ids.map((id) => {
    const trial = known.get(id);
    if (trial === undefined) throw new UserError(`${command}: --trial must be one of ${[...known.keys()].join(', ')}, but got "${id}"`);
    return trial;
  });
}

/**
 * Opens the data of every pending trial once per distinct `data:` section and checks it against the
 * trial (T against video lengths, both classes among the scored test frames), so that bad data is
 * reported — every problem at once — before anything is written or trained. Returns the opened data
 * by trial id, for trials run in this process.
 */
async function openCheckedData(file: string, trials: readonly Trial[]): Promise<Map<string, TrialData>> {
  const opened = new Map<string, Promise<TrialData>>();
  const byTrial = new Map<string, TrialData>();
  const problems = new Map<string, ConfigError['problems'][number]>();
  for (const trial of trials) {
    const key = JSON.stringify(trial.config.data);
    if (!opened.has(key)) opened.set(key, openTrialData(trial.config.data).catch((error: unknown) => {
      // a reader's message about a config key (`data.root must …`) gets the config file in front
      throw isUserError(error) && /^data\.\w/.test(error.message) ? new UserError(`${file}: ${error.message}`) : error;
    }));
    const data = await (opened.get(key) as Promise<TrialData>);
    byTrial.set(trial.id, data);
    for (const p of trialDataProblems(file, trial.config, data)) problems.set(`${p.path}\u0000${p.message}`, p);
  }
  if (problems.size > 0) throw new ConfigError([...problems.values()]);
  return byTrial;
}

/**
 * Loads the experiment and runs its trials (skipping finished ones, resuming interrupted ones),
 * in this process or in `workers` child processes (`vad train … --trial ID`), each in its own folder.
 * Before any work: the config, the output folder (writable, not a file), the locks (no other live
 * run on the experiment — `vad run` — or on a pending trial) and the data of the pending trials are
 * checked. `vad run` then holds the experiment folder's lock and every trial, wherever it runs, its
 * trial folder's lock (see run-lock.ts). Returns the experiment, its folder and the outcomes of the
 * trials run in this process.
 */
export async function runExperiment(options: RunOptions): Promise<{ experiment: ExperimentConfig; dir: string; outcomes: TrialOutcome[] }> {
  const command = options.single === true ? 'vad train' : 'vad run';
  const experiment = await loadExperiment(options.config, { ...(options.set ? { set: options.set } : {}), ...(options.backend ? { backend: options.backend } : {}) }, sectionSchemas);
  const dir = experimentDir(experiment, options.out);
  const trials = selectTrials(experiment, command, options.trials);
  if (options.single === true && (options.trials ?? []).length === 0 && trials.length > 1) {
    throw new UserError(`vad train: ${options.config} must expand to one trial or --trial must name some, but got ${trials.length}: ${trials.map((t) => t.id).join(', ')}`);
  }
  const outFlag = `${command}: ${options.out !== undefined ? '--out' : `output.dir/name (${displayPath(dir)})`}`;
  checkOutputDir(dir, outFlag);
  const pending = trials.filter((t) => !isTrialDone(join(dir, t.id)));
  if (options.single !== true) assertNotLocked(dir, `${command}: ${displayPath(dir)}`);
  for (const trial of pending) assertNotLocked(join(dir, trial.id), `${command}: trial ${trial.id}`);
  const workers = options.workers ?? experiment.workers;
  const parallel = workers > 1 && pending.length > 1;
  const data = await openCheckedData(displayPath(experiment.file), pending);
  prepareOutputDir(dir, outFlag);
  const lock = options.single === true ? null : acquireRunLock(dir, `${command}: ${displayPath(dir)}`);
  try {
    writeJsonAtomic(join(dir, experimentFiles.experiment), {
      name: experiment.name,
      description: experiment.description,
      config: experiment.file,
      extends: experiment.extends,
      set: options.set ?? [],
      report: experiment.report,
      trials: experiment.trials.map((t) => ({ id: t.id, group: t.group, label: t.label, seed: t.config.seed })),
    });
    options.log(`${experiment.name}: ${trials.length} trial(s), ${trials.length - pending.length} already done, output ${dir}`);
    if (parallel) {
      data.clear();
      const common = ['--out', dir, ...(options.set ?? []).flatMap((s) => ['--set', s]), ...(options.backend ? ['--backend', options.backend] : [])];
      const results = await runPool(pending.map((t) => ({ key: t.id, args: ['train', options.config, '--trial', t.id, ...common] })), workers, options.log);
      const failed = results.filter((r) => r.code !== 0);
      if (failed.length > 0) throw new UserError(`vad run: every trial must finish, but ${failed.map((f) => `${f.key} exited with ${f.code}`).join(', ')}`, 1);
      return { experiment, dir, outcomes: [] };
    }
    const outcomes: TrialOutcome[] = [];
    for (const [index, trial] of trials.entries()) {
      options.log(`[${index + 1}/${trials.length}] ${trial.id}`);
      const trialDir = join(dir, trial.id);
      const opened = data.get(trial.id);
      data.delete(trial.id); // let a dataset go once its last trial has it
      try {
        const run = (): Promise<TrialOutcome> => runTrial(trial, trialDir, { log: (line) => options.log(`  ${line}`), ...(options.signal ? { signal: options.signal } : {}), ...(opened ? { data: opened } : {}) });
        outcomes.push(isTrialDone(trialDir) ? await run() : await withRunLock(trialDir, `${command}: trial ${trial.id}`, run));
      } catch (error) {
        if (error instanceof TrialInterrupted) throw new UserError(error.message, 130);
        throw error;
      }
    }
    return { experiment, dir, outcomes };
  } finally {
    lock?.release();
  }
}
