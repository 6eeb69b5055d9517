import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@vad/core';

/** File names inside one trial folder (the on-disk contract of `vad run`, read by report/eval/infer). */
export const trialFiles = {
  config: 'config.json', // resolved TrialConfig (every default filled)
  trial: 'trial.json', // id, group, label, grid assignment, seed
  environment: 'environment.json', // backend, package versions, git commit, machine
  steps: 'steps.jsonl', // one StepRecord per training step (step-log.ts)
  legacySteps: 'metrics.jsonl', // the step log's former name, in run folders written before steps.jsonl (still read)
  checkpoints: 'checkpoints', // step-<n>.ckpt, atomic
  model: 'model.ckpt', // final weights for eval/infer
  scores: 'scores.csv', // video,frame,score,label[,scene]
  metrics: 'metrics.json', // evaluation result + card, final σ (deterministic: no timings)
  timings: 'timings.json', // train/eval/session seconds, step resumed from
  error: 'error.json', // why the last attempt failed (removed when the trial is run again)
  figures: 'figures', // Figure-4 panels, timelines
  done: 'done.json', // written last: the trial is complete and its files can be trusted
} as const;

/** Experiment-level files. */
export const experimentFiles = {
  experiment: 'experiment.json', // name, source config, trial list
  report: 'report', // table.{md,csv,json}, plots/, report.html
} as const;

/** Reads a JSON file, or undefined when it does not exist; a file that does not parse is a UserError naming it. */
export function readJsonIfExists<T>(path: string): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new UserError(`${path}: must be the JSON file vad wrote, but it does not parse (${error.message}); delete it (or the trial folder) to redo that step`);
  }
}

/** True when the trial folder has its done marker (written after everything else). */
export function isTrialDone(trialDir: string): boolean {
  return existsSync(join(trialDir, trialFiles.done));
}

/** Trial folders (those with a trial.json) under an experiment folder, sorted by name. */
export function listTrialDirs(experimentDir: string): string[] {
  if (!existsSync(experimentDir)) return [];
  return readdirSync(experimentDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(experimentDir, entry.name, trialFiles.trial)))
    .map((entry) => join(experimentDir, entry.name))
    .sort();
}

/** Checkpoint files of a trial, oldest first (`step-000012.ckpt` sorts by step). */
export function listCheckpoints(trialDir: string): string[] {
  const dir = join(trialDir, trialFiles.checkpoints);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^step-\d+\.ckpt$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Checkpoint file name for a global step (zero-padded so names sort by step). */
export function checkpointName(step: number): string {
  return `step-${String(step).padStart(9, '0')}.ckpt`;
}
