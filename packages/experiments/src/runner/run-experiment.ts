import { join, resolve } from 'node:path';
import { UserError } from '@vad/core';
import { sectionSchemas } from '../config/catalogs';
import type { ExperimentConfig, Trial } from '../config/experiment-config';
import { loadExperiment } from '../config/load-experiment';
import { writeJsonAtomic } from '../io/atomic-write';
import type { LauncherOverrides } from '../launchers/launcher-config';
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
}

/** The experiment folder: `--out`, else `<output.dir>/<name>`. */
export function experimentDir(experiment: ExperimentConfig, out?: string): string {
  return resolve(out ?? join(experiment.output.dir, experiment.name));
}

function selectTrials(experiment: ExperimentConfig, ids?: readonly string[]): Trial[] {
  if (ids === undefined || ids.length === 0) return [...experiment.trials];
  const known = new Map(experiment.trials.map((t) => [t.id, t]));
  return ids.map((id) => {
    const trial = known.get(id);
    if (trial === undefined) throw new UserError(`--trial must be one of ${[...known.keys()].join(', ')}, but got "${id}"`);
    return trial;
  });
}

/**
 * Loads and validates the experiment (all problems at once, before any work) and picks its trials;
 * writes nothing.
 */
export async function prepareRun(options: RunOptions): Promise<PreparedRun> {
  const experiment = await loadExperiment(
    options.config,
    { ...(options.set ? { set: options.set } : {}), ...(options.backend ? { backend: options.backend } : {}), ...(options.launcher ? { launcher: options.launcher } : {}) },
    sectionSchemas,
  );
  const dir = experimentDir(experiment, options.out);
  const trials = selectTrials(experiment, options.trials);
  if (options.single === true && (options.trials ?? []).length === 0 && trials.length > 1) {
    throw new UserError(`vad train: ${options.config} must expand to one trial or --trial must name some, but got ${trials.length}: ${trials.map((t) => t.id).join(', ')}`);
  }
  const trainArgs = ['train', resolve(options.config), '--out', dir, ...(options.set ?? []).flatMap((s) => ['--set', s]), ...(options.backend ? ['--backend', options.backend] : [])];
  return { experiment, dir, trials, trainArgs };
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
 * A trial that throws leaves its error in `error.json` in its folder. Returns the outcomes of the
 * trials run in this process.
 */
export async function runTrialsHere(run: PreparedRun, options: Pick<RunOptions, 'workers' | 'log' | 'signal'>): Promise<TrialOutcome[]> {
  const { experiment, dir, trials } = run;
  const pending = trials.filter((t) => !isTrialDone(join(dir, t.id)));
  options.log(`${experiment.name}: ${trials.length} trial(s), ${trials.length - pending.length} already done, output ${dir}`);
  const workers = options.workers ?? experiment.workers;
  if (workers > 1 && pending.length > 1) {
    const results = await runPool(pending.map((t) => ({ key: t.id, args: [...run.trainArgs, '--trial', t.id] })), workers, options.log);
    const failed = results.filter((r) => r.code !== 0);
    if (failed.length > 0) throw new UserError(`vad run: every trial must finish, but ${failed.map((f) => `${f.key} exited with ${f.code}`).join(', ')}`, 1);
    return [];
  }
  const outcomes: TrialOutcome[] = [];
  for (const [index, trial] of trials.entries()) {
    options.log(`[${index + 1}/${trials.length}] ${trial.id}`);
    const trialDir = join(dir, trial.id);
    // TRIAL LOCK (issue 12): the exclusive trial lock (runner/run-lock.ts) is to be taken here, around
    // this runTrial call — the one place every launcher (vad run, --workers children, SLURM array
    // tasks via vad train --trial) runs a trial. Until then SLURM relies on --dependency=singleton.
    try {
      clearTrialError(trialDir);
      outcomes.push(await runTrial(trial, trialDir, { log: (line) => options.log(`  ${line}`), ...(options.signal ? { signal: options.signal } : {}) }));
    } catch (error) {
      if (error instanceof TrialInterrupted) throw new UserError(error.message, 130);
      recordTrialError(trialDir, trial.id, error);
      throw error;
    }
  }
  return outcomes;
}

/**
 * Loads the experiment, writes experiment.json and runs its trials here (see {@link runTrialsHere}).
 * Returns the experiment, its folder and the outcomes of the trials run in this process.
 */
export async function runExperiment(options: RunOptions): Promise<{ experiment: ExperimentConfig; dir: string; outcomes: TrialOutcome[] }> {
  const run = await prepareRun(options);
  writeExperimentRecord(run, options.set ?? []);
  const outcomes = await runTrialsHere(run, options);
  return { experiment: run.experiment, dir: run.dir, outcomes };
}
