import { join, resolve } from 'node:path';
import { isUserError, UserError } from '@vad/core';
import { sectionSchemas } from '../config/catalogs';
import { displayPath } from '../config/compose';
import { ConfigError } from '../config/config-error';
import type { ExperimentConfig, Trial } from '../config/experiment-config';
import { loadExperiment } from '../config/load-experiment';
import { writeJsonAtomic } from '@vad/data';
import { checkOutputDir, prepareOutputDir } from '../io/output-path';
import type { LauncherOverrides } from '../launchers/launcher-config';
import { trialDataProblems } from './check-trial-data';
import { openTrialData, type TrialData } from './open-trial-data';
import { acquireRunLock, assertNotLocked, withRunLock } from './run-lock';
import { runTrial, TrialInterrupted, type TrialOutcome } from './run-trial';
import { clearTrialError, recordTrialError } from './trial-error';
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
  /** `--launcher`, `--partition`, … (validated with the config's `launcher:`). */
  readonly launcher?: LauncherOverrides;
  readonly log: (line: string) => void;
  readonly signal?: AbortSignal;
}

/** A loaded experiment, its folder and the trials a command is about to run (nothing written yet). */
export interface PreparedRun {
  readonly experiment: ExperimentConfig;
  readonly dir: string;
  readonly trials: readonly Trial[];
  /** `vad train` arguments that run one of these trials elsewhere (append `--trial ID`). */
  readonly trainArgs: readonly string[];
  /** Who is running: `vad run`, or `vad train` (one trial, no experiment lock). */
  readonly command: 'vad run' | 'vad train';
  /** How the output folder is named in messages (`vad run: --out`). */
  readonly outFlag: string;
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
export async function openCheckedData(file: string, trials: readonly Trial[]): Promise<Map<string, TrialData>> {
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
 * Loads and validates the experiment (all problems at once, before any work), picks its trials and
 * checks the output folder (writable, not a file) and the locks (no other live run on the experiment
 * — `vad run` — or on a pending trial); writes nothing.
 */
export async function prepareRun(options: RunOptions): Promise<PreparedRun> {
  const command = options.single === true ? 'vad train' : 'vad run';
  const experiment = await loadExperiment(
    options.config,
    { ...(options.set ? { set: options.set } : {}), ...(options.backend ? { backend: options.backend } : {}), ...(options.launcher ? { launcher: options.launcher } : {}) },
    sectionSchemas,
  );
  const dir = experimentDir(experiment, options.out);
  const trials = selectTrials(experiment, command, options.trials);
  if (options.single === true && (options.trials ?? []).length === 0 && trials.length > 1) {
    throw new UserError(`vad train: ${options.config} must expand to one trial or --trial must name some, but got ${trials.length}: ${trials.map((t) => t.id).join(', ')}`);
  }
  const outFlag = `${command}: ${options.out !== undefined ? '--out' : `output.dir/name (${displayPath(dir)})`}`;
  checkOutputDir(dir, outFlag);
  if (command === 'vad run') assertNotLocked(dir, `${command}: ${displayPath(dir)}`);
  for (const trial of trials) {
    if (!isTrialDone(join(dir, trial.id))) assertNotLocked(join(dir, trial.id), `${command}: trial ${trial.id}`);
  }
  const trainArgs = ['train', resolve(options.config), '--out', dir, ...(options.set ?? []).flatMap((s) => ['--set', s]), ...(options.backend ? ['--backend', options.backend] : [])];
  return { experiment, dir, trials, trainArgs, command, outFlag };
}

/** Writes experiment.json (name, source config, `--set` items, report options, every trial). */
export function writeExperimentRecord(run: PreparedRun, set: readonly string[]): void {
  const { experiment } = run;
  writeJsonAtomic(join(run.dir, experimentFiles.experiment), {
    name: experiment.name,
    description: experiment.description,
    config: experiment.file,
    extends: experiment.extends,
    set,
    report: experiment.report,
    trials: experiment.trials.map((t) => ({ id: t.id, group: t.group, label: t.label, seed: t.config.seed })),
  });
}

/**
 * Runs the prepared trials on this machine (skipping finished ones, resuming interrupted ones), in
 * this process or in `workers` child processes (`vad train … --trial ID`), each in its own folder.
 * Before any work the data of the pending trials is opened and checked. `vad run` then holds the
 * experiment folder's lock and every trial, wherever it runs (here, a `--workers` child or a SLURM
 * array task), its trial folder's lock (see run-lock.ts); experiment.json is written under the lock.
 * A trial that throws leaves its error in `error.json` in its folder. Returns the outcomes of the
 * trials run in this process.
 */
export async function runTrialsHere(run: PreparedRun, options: Pick<RunOptions, 'workers' | 'log' | 'signal' | 'set'>): Promise<TrialOutcome[]> {
  const { experiment, dir, trials, command } = run;
  const pending = trials.filter((t) => !isTrialDone(join(dir, t.id)));
  const workers = options.workers ?? experiment.workers;
  const parallel = workers > 1 && pending.length > 1;
  const data = await openCheckedData(displayPath(experiment.file), pending);
  prepareOutputDir(dir, run.outFlag);
  const lock = command === 'vad train' ? null : acquireRunLock(dir, `${command}: ${displayPath(dir)}`);
  try {
    writeExperimentRecord(run, options.set ?? []);
    options.log(`${experiment.name}: ${trials.length} trial(s), ${trials.length - pending.length} already done, output ${dir}`);
    if (parallel) {
      data.clear();
      const results = await runPool(pending.map((t) => ({ key: t.id, args: [...run.trainArgs, '--trial', t.id] })), workers, options.log);
      const failed = results.filter((r) => r.code !== 0);
      if (failed.length > 0) throw new UserError(`vad run: every trial must finish, but ${failed.map((f) => `${f.key} exited with ${f.code}`).join(', ')}`, 1);
      return [];
    }
    const outcomes: TrialOutcome[] = [];
    for (const [index, trial] of trials.entries()) {
      options.log(`[${index + 1}/${trials.length}] ${trial.id}`);
      const trialDir = join(dir, trial.id);
      const opened = data.get(trial.id);
      data.delete(trial.id); // let a dataset go once its last trial has it
      const runOne = (): Promise<TrialOutcome> => {
        clearTrialError(trialDir);
        return runTrial(trial, trialDir, { log: (line) => options.log(`  ${line}`), ...(options.signal ? { signal: options.signal } : {}), ...(opened ? { data: opened } : {}) });
      };
      try {
        outcomes.push(isTrialDone(trialDir) ? await runOne() : await withRunLock(trialDir, `${command}: trial ${trial.id}`, runOne));
      } catch (error) {
        if (error instanceof TrialInterrupted) throw new UserError(error.message, 130);
        recordTrialError(trialDir, trial.id, error);
        throw error;
      }
    }
    return outcomes;
  } finally {
    lock?.release();
  }
}

/**
 * Loads the experiment and runs its trials here (see {@link prepareRun} and {@link runTrialsHere}).
 * Returns the experiment, its folder and the outcomes of the trials run in this process.
 */
export async function runExperiment(options: RunOptions): Promise<{ experiment: ExperimentConfig; dir: string; outcomes: TrialOutcome[] }> {
  const run = await prepareRun(options);
  const outcomes = await runTrialsHere(run, options);
  return { experiment: run.experiment, dir: run.dir, outcomes };
}
