import { join, resolve } from 'node:path';
import { UserError } from '@vad/core';
import { sectionSchemas } from '../config/catalogs';
import type { ExperimentConfig, Trial } from '../config/experiment-config';
import { loadExperiment } from '../config/load-experiment';
import { writeJsonAtomic } from '../io/atomic-write';
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
 * Loads the experiment and runs its trials (skipping finished ones, resuming interrupted ones),
 * in this process or in `workers` child processes (`vad train … --trial ID`), each in its own folder.
 * Returns the experiment, its folder and the outcomes of the trials run in this process.
 */
export async function runExperiment(options: RunOptions): Promise<{ experiment: ExperimentConfig; dir: string; outcomes: TrialOutcome[] }> {
  const experiment = await loadExperiment(options.config, { ...(options.set ? { set: options.set } : {}), ...(options.backend ? { backend: options.backend } : {}) }, sectionSchemas);
  const dir = experimentDir(experiment, options.out);
  const trials = selectTrials(experiment, options.trials);
  if (options.single === true && (options.trials ?? []).length === 0 && trials.length > 1) {
    throw new UserError(`vad train: ${options.config} must expand to one trial or --trial must name some, but got ${trials.length}: ${trials.map((t) => t.id).join(', ')}`);
  }
  writeJsonAtomic(join(dir, experimentFiles.experiment), {
    name: experiment.name,
    description: experiment.description,
    config: experiment.file,
    extends: experiment.extends,
    set: options.set ?? [],
    report: experiment.report,
    trials: experiment.trials.map((t) => ({ id: t.id, group: t.group, label: t.label, seed: t.config.seed })),
  });
  const pending = trials.filter((t) => !isTrialDone(join(dir, t.id)));
  options.log(`${experiment.name}: ${trials.length} trial(s), ${trials.length - pending.length} already done, output ${dir}`);
  const workers = options.workers ?? experiment.workers;
  if (workers > 1 && pending.length > 1) {
    const common = ['--out', dir, ...(options.set ?? []).flatMap((s) => ['--set', s]), ...(options.backend ? ['--backend', options.backend] : [])];
    const results = await runPool(pending.map((t) => ({ key: t.id, args: ['train', options.config, '--trial', t.id, ...common] })), workers, options.log);
    const failed = results.filter((r) => r.code !== 0);
    if (failed.length > 0) throw new UserError(`vad run: every trial must finish, but ${failed.map((f) => `${f.key} exited with ${f.code}`).join(', ')}`, 1);
    return { experiment, dir, outcomes: [] };
  }
  const outcomes: TrialOutcome[] = [];
  for (const [index, trial] of trials.entries()) {
    options.log(`[${index + 1}/${trials.length}] ${trial.id}`);
    try {
      outcomes.push(await runTrial(trial, join(dir, trial.id), { log: (line) => options.log(`  ${line}`), ...(options.signal ? { signal: options.signal } : {}) }));
    } catch (error) {
      if (error instanceof TrialInterrupted) throw new UserError(error.message, 130);
      throw error;
    }
  }
  return { experiment, dir, outcomes };
}
